import type { Kysely } from 'kysely';
import { addKeys, KEY_MODULUS, perturbation } from '../../../src/core/stats/perturbation.ts';
import type { DB } from '../../../src/db/schema.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';
import { currentTaxonomy } from '../../../src/modules/taxonomy/taxonomy-files.ts';

/** A case as statistics see it: classified, pseudonymous fields only. */
export interface GeneratedCase {
  receivedAt: Date;
  grounds: string[];
  domains: string[];
  municipalityCode: string | null;
  gender: string | null;
  statisticsAllowed: boolean;
  takenInCharge: boolean;
  channel: string;
  /** The record key the perturbation of staff figures reads (`cases.stats_key`). */
  statsKey: number;
}

export const PISA = '050026';
export const FIRENZE = '048017';
export const LUCCA = '046017';
/** Milano, outside Tuscany. */
export const MILANO = '015146';

const groundChoices = [
  'anti_black',
  'racial_ethnic_origin',
  'religion_belief',
  'disability',
  'sex',
];
const domainChoices = ['housing', 'employment_training', 'education'];
const municipalityChoices = [PISA, PISA, FIRENZE, LUCCA, MILANO, null];
const genderChoices = ['woman', 'man', 'prefer_not_to_say', null];

export function generateCases(count: number, seed = 7): GeneratedCase[] {
  const next = seededRandom(seed);
  // Keys come from a stream of their own, so the cases are the same with or without them.
  const nextKey = seededRandom(seed ^ 0x5bd1e995);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const someOf = (list: readonly string[], max: number) => {
    const size = Math.floor(next() * (max + 1));
    return [...new Set(Array.from({ length: size }, () => pick(list)))];
  };
  return Array.from({ length: count }, () => ({
    // Between January 2025 and June 2026, at any hour (months are local, Europe/Rome).
    receivedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 546 * 24) * 3_600_000),
    grounds: someOf(groundChoices, 3),
    domains: someOf(domainChoices, 2),
    municipalityCode: pick(municipalityChoices),
    gender: pick(genderChoices),
    statisticsAllowed: next() < 0.9,
    takenInCharge: next() < 0.6,
    channel: pick(['web_form', 'phone', 'email']),
    statsKey: Math.floor(nextKey() * KEY_MODULUS),
  }));
}

let references = 0;

/** Stores generated cases as rows, in batches (what intake would have stored). */
export async function insertCases(db: Kysely<DB>, cases: readonly GeneratedCase[]) {
  const version = currentTaxonomy().version;
  for (let start = 0; start < cases.length; start += 500) {
    await db
      .insertInto('cases')
      .values(
        cases.slice(start, start + 500).map((generated) => ({
          reference: `GEN-${(references += 1)}`,
          source: 'operator' as const,
          channel: generated.channel,
          received_at: generated.receivedAt,
          acknowledge_due_on: '2030-01-01',
          take_in_charge_due_on: '2030-01-01',
          taken_in_charge_at: generated.takenInCharge ? generated.receivedAt : null,
          status: generated.takenInCharge ? 'taken_in_charge' : 'received',
          taxonomy_version: version,
          ground_codes: generated.grounds,
          domain_codes: generated.domains,
          municipality_code: generated.municipalityCode,
          victim_gender: generated.gender,
          statistics_allowed: generated.statisticsAllowed,
          stats_key: generated.statsKey,
        })),
      )
      .execute();
  }
}

/**
 * What staff are shown for these cases, worked out apart from the platform: their number moved
 * by the change the sum of their record keys draws (0 stays 0).
 */
export function staffFigure(cases: readonly GeneratedCase[], threshold = 5): number {
  const key = cases.reduce((sum, c) => addKeys(sum, c.statsKey), 0);
  return cases.length + perturbation(cases.length, key, threshold);
}

/** The month a case was received in, in Rome. */
export function romeMonth(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(date);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** Seats the lead partner in Pisa: the network's region, and so its maps, become Tuscany's. */
export async function seatLeadInTuscany(db: Kysely<DB>, leadId: string) {
  await db
    .updateTable('organisations')
    .set({ municipality_code: PISA })
    .where('id', '=', leadId)
    .execute();
}
