import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { withHistoryLabels } from './history-labels.ts';
import type { Changes } from './organisation-state.ts';

export interface HistoryEntry {
  id: number;
  changedAt: string;
  changedBy: { id: string; displayName: string } | null;
  changeKind: 'created' | 'updated' | 'imported' | 'status_changed';
  changes: Changes;
}

/** The changes to one organisation, newest first, with who made them. */
export async function loadOrganisationHistory(
  db: Kysely<DB>,
  organisationId: string,
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('network_history')
    .leftJoin('users', 'users.id', 'network_history.changed_by')
    .select([
      'network_history.id',
      'network_history.changed_at',
      'network_history.changed_by',
      'users.display_name',
      'network_history.change_kind',
      'network_history.changes',
    ])
    .where('network_history.entity_type', '=', 'organisation')
    .where('network_history.entity_id', '=', organisationId)
    .orderBy('network_history.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    changedAt: row.changed_at.toISOString(),
    changedBy:
      row.changed_by && row.display_name !== null
        ? { id: row.changed_by, displayName: row.display_name }
        : null,
    changeKind: row.change_kind,
    changes: row.changes as Changes,
  }));
}

/** The history with the names of the municipalities and organisations its changes name. */
export async function organisationHistoryPage(db: Kysely<DB>, organisationId: string) {
  return withHistoryLabels(db, await loadOrganisationHistory(db, organisationId));
}
