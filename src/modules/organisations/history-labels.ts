import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Names for the codes and ids a history holds, so people read "Pisa", not "050026". */
export interface HistoryLabels {
  municipalities: Record<string, string>;
  organisations: Record<string, string>;
}

interface Change {
  from: unknown;
  to: unknown;
}

/** Fields of organisations and help desks that hold ISTAT codes, one or a list. */
const municipalityFields = new Set([
  'municipalityCode',
  'territoryCodes',
  'competentMunicipalityCodes',
]);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** The organisation ids of `organisationId` and of `referralsTo` ([{ organisationId }]). */
function organisationIds(field: string, value: unknown): string[] {
  if (field === 'organisationId') return strings(value);
  if (field !== 'referralsTo' || !Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'organisationId' in item
      ? strings(item.organisationId)
      : [],
  );
}

/**
 * The labels of every municipality and organisation named in the given changes, read with one
 * query each whatever the length of the history.
 */
export async function historyLabels(
  db: Kysely<DB>,
  changes: readonly Record<string, Change>[],
): Promise<HistoryLabels> {
  const codes = new Set<string>();
  const ids = new Set<string>();
  for (const entry of changes) {
    for (const [field, change] of Object.entries(entry)) {
      for (const value of [change.from, change.to]) {
        if (municipalityFields.has(field)) for (const code of strings(value)) codes.add(code);
        for (const id of organisationIds(field, value)) if (uuidPattern.test(id)) ids.add(id);
      }
    }
  }
  const labels: HistoryLabels = { municipalities: {}, organisations: {} };
  if (codes.size > 0) {
    const rows = await db
      .selectFrom('municipalities')
      .select(['istat_code', 'name'])
      .where('istat_code', 'in', [...codes])
      .execute();
    for (const row of rows) labels.municipalities[row.istat_code] = row.name;
  }
  if (ids.size > 0) {
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
    for (const row of rows) labels.organisations[row.id] = row.name;
  }
  return labels;
}

/** A history answer: the entries and the names of what they mention. */
export async function withHistoryLabels<T extends { changes: Record<string, Change> }>(
  db: Kysely<DB>,
  items: T[],
): Promise<{ items: T[]; labels: HistoryLabels }> {
  return {
    items,
    labels: await historyLabels(
      db,
      items.map((item) => item.changes),
    ),
  };
}
