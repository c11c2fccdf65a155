import type { Kysely } from 'kysely';
import type { ReferralTarget, RowPlan } from '../../core/network-import/plan.ts';
import type { DB } from '../../db/schema.ts';
import { chunks } from './chunks.ts';

interface Referral {
  organisationId: string;
  description: string | null;
}

const byTarget = (a: Referral, b: Referral) => a.organisationId.localeCompare(b.organisationId);

/**
 * Makes territories and outgoing referral links those of the plan, for organisations already
 * written (`idOf` gives each row's id). Links that stay keep their description and creation
 * date. Answers, per organisation id, the history entries `territoryCodes` and `referralsTo`
 * in the form the organisation's own history uses.
 */
export async function applyLinks(
  trx: Kysely<DB>,
  rows: readonly RowPlan[],
  idOf: (row: RowPlan) => string,
  organisationIdOf: (target: ReferralTarget) => string,
): Promise<Map<string, Record<string, { from: unknown; to: unknown }>>> {
  const history = new Map<string, Record<string, { from: unknown; to: unknown }>>();
  const entry = (id: string) => {
    let changes = history.get(id);
    if (!changes) history.set(id, (changes = {}));
    return changes;
  };

  const territoryRows = rows.filter((row) => row.territoryCodes !== undefined);
  const replacedTerritories = territoryRows.filter((row) => row.organisationId !== null);
  for (const batch of chunks(replacedTerritories, 1000)) {
    await trx
      .deleteFrom('organisation_territories')
      .where(
        'organisation_id',
        'in',
        batch.map((row) => row.organisationId!),
      )
      .execute();
  }
  const territories = territoryRows.flatMap((row) =>
    row.territoryCodes!.map((code) => ({ organisation_id: idOf(row), municipality_code: code })),
  );
  for (const batch of chunks(territories, 5000)) {
    await trx.insertInto('organisation_territories').values(batch).execute();
  }
  for (const row of territoryRows) {
    const change = row.changes.territoryCodes;
    if (change) entry(idOf(row)).territoryCodes = { from: change.from, to: change.to };
  }

  const referralRows = rows.filter((row) => row.referrals !== undefined);
  const fromIds = referralRows.flatMap((row) => (row.organisationId ? [row.organisationId] : []));
  const current = new Map<string, Referral[]>();
  for (const batch of chunks(fromIds, 1000)) {
    const links = await trx
      .selectFrom('referral_links')
      .select(['from_organisation_id', 'to_organisation_id', 'description'])
      .where('from_organisation_id', 'in', batch)
      .execute();
    for (const link of links) {
      const list = current.get(link.from_organisation_id) ?? [];
      list.push({ organisationId: link.to_organisation_id, description: link.description });
      current.set(link.from_organisation_id, list);
    }
  }
  const inserts: { from_organisation_id: string; to_organisation_id: string }[] = [];
  for (const row of referralRows) {
    const id = idOf(row);
    const before = [...(current.get(id) ?? [])].sort(byTarget);
    const descriptions = new Map(before.map((link) => [link.organisationId, link.description]));
    const after: Referral[] = row
      .referrals!.to.map((target) => organisationIdOf(target))
      .map((organisationId) => ({
        organisationId,
        description: descriptions.get(organisationId) ?? null,
      }))
      .sort(byTarget);
    const wanted = new Set(after.map((link) => link.organisationId));
    const removed = before.filter((link) => !wanted.has(link.organisationId));
    if (removed.length > 0) {
      await trx
        .deleteFrom('referral_links')
        .where('from_organisation_id', '=', id)
        .where(
          'to_organisation_id',
          'in',
          removed.map((link) => link.organisationId),
        )
        .execute();
    }
    for (const link of after) {
      if (!descriptions.has(link.organisationId)) {
        inserts.push({ from_organisation_id: id, to_organisation_id: link.organisationId });
      }
    }
    entry(id).referralsTo = { from: before, to: after };
  }
  for (const batch of chunks(inserts, 5000)) {
    await trx.insertInto('referral_links').values(batch).execute();
  }
  return history;
}
