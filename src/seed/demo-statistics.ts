import { sql, type Kysely } from 'kysely';
import { isIntersectional } from '../core/taxonomy/classification.ts';
import type { DB } from '../db/schema.ts';
import { currentTaxonomy } from '../modules/taxonomy/taxonomy-files.ts';

/**
 * Three years of closed cases as the network's earlier register would hand them over: the
 * classified, pseudonymous fields only (no narrative, no contact), in no desk's queue. They give
 * the equality-data pages and the dashboards of the demo figures large enough to publish; the
 * handful of full demo cases could only show hidden counts. Deterministic, so every demo start
 * shows the same numbers for the same day.
 */
export const DEMO_HISTORICAL_CASES = 1_800;

// Weighted roughly as Italian equality bodies report them: origin first, then nationality,
// religion, disability, sex, sexual orientation and the rest.
const groundWeights: [string, number][] = [
  ['racial_ethnic_origin', 22],
  ['anti_black', 8],
  ['anti_roma_sinti', 5],
  ['anti_muslim', 5],
  ['antisemitism', 2],
  ['nationality', 14],
  ['religion_belief', 6],
  ['disability', 10],
  ['sex', 7],
  ['sexual_orientation', 6],
  ['gender_identity', 3],
  ['age', 4],
  ['language', 3],
  ['health', 2],
  ['social_origin', 2],
  ['skin_colour', 1],
];
const domainWeights: [string, number][] = [
  ['employment_training', 22],
  ['housing', 16],
  ['public_administration', 12],
  ['goods_services', 10],
  ['media_internet', 10],
  ['education', 8],
  ['health_social_protection', 6],
  ['transport', 5],
  ['public_life', 5],
  ['bars_venues', 3],
  ['police_justice', 2],
  ['leisure_sport', 1],
];
// Tuscan municipalities with the help desks of the demo network, larger cities more often.
const municipalityWeights: [string, number][] = [
  ['048017', 30], // Firenze
  ['100005', 10], // Prato
  ['049009', 8], // Livorno
  ['050026', 9], // Pisa
  ['051002', 6], // Arezzo
  ['047014', 5], // Pistoia
  ['046017', 5], // Lucca
  ['053011', 5], // Grosseto
  ['052032', 4], // Siena
  ['048014', 3], // Empoli
  ['050029', 3], // Pontedera
  ['046033', 3], // Viareggio
  ['045010', 3], // Massa
  ['045003', 2], // Carrara
  ['048043', 2], // Sesto Fiorentino
];
const outcomes: [string, number][] = [
  ['information_only', 25],
  ['negotiated_solution', 18],
  ['referred', 15],
  ['redirected', 10],
  ['warning', 8],
  ['complaint_authority', 6],
  ['legal_action', 3],
  ['unresolved', 8],
  ['withdrawn', 4],
  ['not_discrimination', 3],
];
const channels: [string, number][] = [
  ['web_form', 35],
  ['phone', 25],
  ['in_person', 20],
  ['email', 12],
  ['online_monitoring', 6],
  ['press', 2],
];
const ageBands = ['18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', 'prefer_not_to_say'];
const genders = ['woman', 'woman', 'man', 'man', 'non_binary', 'prefer_not_to_say'];
const citizenships = ['italian', 'eu', 'non_eu', 'non_eu', 'prefer_not_to_say'];

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weighted = (choices: readonly [string, number][]) => {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let point = next() * total;
    for (const [value, weight] of choices) {
      point -= weight;
      if (point < 0) return value;
    }
    return choices.at(-1)![0];
  };
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  return { next, weighted, pick };
}

const DAY_MS = 86_400_000;

export async function seedDemoStatistics(db: Kysely<DB>, now = new Date()): Promise<number> {
  const taxonomy = currentTaxonomy();
  const random = generator(2026);
  const rows = Array.from({ length: DEMO_HISTORICAL_CASES }, () => {
    const receivedAt = new Date(now.getTime() - (30 + Math.floor(random.next() * 1065)) * DAY_MS);
    const grounds = new Set([random.weighted(groundWeights)]);
    if (random.next() < 0.22) grounds.add(random.weighted(groundWeights));
    if (random.next() < 0.05) grounds.add(random.weighted(groundWeights));
    const domains = new Set([random.weighted(domainWeights)]);
    if (random.next() < 0.12) domains.add(random.weighted(domainWeights));
    const takenInCharge = random.next() < 0.78;
    const finalAt = new Date(receivedAt.getTime() + (5 + Math.floor(random.next() * 25)) * DAY_MS);
    const profiled = random.next() < 0.7;
    return {
      source: 'operator' as const,
      channel: random.weighted(channels),
      status: takenInCharge ? ('closed' as const) : ('not_pertinent' as const),
      received_at: receivedAt,
      acknowledge_due_on: receivedAt.toISOString().slice(0, 10),
      take_in_charge_due_on: receivedAt.toISOString().slice(0, 10),
      acknowledged_at: receivedAt,
      taken_in_charge_at: takenInCharge ? receivedAt : null,
      final_at: finalAt,
      taxonomy_version: taxonomy.version,
      classified_at: finalAt,
      ground_codes: [...grounds],
      domain_codes: [...domains],
      reporter_role: random.weighted([
        ['victim', 70],
        ['on_behalf', 12],
        ['witness', 10],
        ['association', 8],
      ]),
      outcome_code: takenInCharge ? random.weighted(outcomes) : 'not_discrimination',
      intersectional: isIntersectional(taxonomy, [...grounds]),
      municipality_code: random.next() < 0.06 ? null : random.weighted(municipalityWeights),
      online: random.next() < 0.08,
      victim_age_band: profiled ? random.pick(ageBands) : null,
      victim_gender: profiled ? random.pick(genders) : null,
      victim_citizenship_group: profiled ? random.pick(citizenships) : null,
      statistics_allowed: random.next() < 0.93,
    };
  });
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('cases')
      .values(
        rows.slice(start, start + 500).map((row) => ({
          ...row,
          reference: sql<string>`'SEG-' || ${String(row.received_at.getUTCFullYear())} || '-' || lpad(nextval('case_reference_seq')::text, 6, '0')`,
        })),
      )
      .execute();
  }
  return rows.length;
}
