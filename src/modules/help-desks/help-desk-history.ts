import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { withHistoryLabels } from '../organisations/history-labels.ts';

export interface HistoryEntry {
  id: number;
  changedAt: string;
  changedBy: { id: string; displayName: string } | null;
  changeKind: 'created' | 'updated' | 'imported' | 'status_changed';
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** The history of one desk, newest first. */
export async function helpDeskHistory(db: Kysely<DB>, id: string): Promise<HistoryEntry[]> {
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
    .where('network_history.entity_type', '=', 'help_desk')
    .where('network_history.entity_id', '=', id)
    .orderBy('network_history.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    changedAt: new Date(row.changed_at).toISOString(),
    changedBy:
      row.changed_by && row.display_name
        ? { id: row.changed_by, displayName: row.display_name }
        : null,
    changeKind: row.change_kind,
    changes: row.changes as Record<string, { from: unknown; to: unknown }>,
  }));
}

/** The history with the names of the municipalities and organisations its changes name. */
export async function helpDeskHistoryPage(db: Kysely<DB>, id: string) {
  return withHistoryLabels(db, await helpDeskHistory(db, id));
}
