import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { seal, unseal } from './sealed-fields.ts';

export interface NewCaseEvent {
  caseId: string;
  kind: string;
  actorUserId: string | null;
  byReporter?: boolean;
  at: Date;
  /** Codes and ids only: this column is not encrypted. */
  details: Record<string, unknown>;
  /** Free text (a reason, a note): sealed, bound to the event's own row. */
  body?: string | null;
}

/**
 * Records one timeline event. A body is sealed with the event's id as its row, which a bigserial
 * only gives after the insert: the row goes in first and its body is set in the same
 * transaction, so nobody ever reads an event without its body.
 */
export async function recordCaseEvent(
  trx: Transaction<DB>,
  config: Config,
  event: NewCaseEvent,
): Promise<number> {
  const { id } = await trx
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      kind: event.kind,
      actor_user_id: event.actorUserId,
      by_reporter: event.byReporter ?? false,
      at: event.at,
      details: JSON.stringify(event.details),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const body = event.body?.trim();
  if (body) {
    await trx
      .updateTable('case_events')
      .set({ body_enc: seal(config.masterKeys, 'case_events', 'body_enc', String(id), body) })
      .where('id', '=', id)
      .execute();
  }
  return id;
}

export interface CaseEventView {
  id: number;
  kind: string;
  at: Date;
  byReporter: boolean;
  actor: { id: string; displayName: string } | null;
  details: Record<string, unknown>;
  body: string | null;
}

/**
 * The first entry of every timeline, read from the case row, which holds what intake decided
 * (intake stores one row): the channel, who typed it in, and how the queue was chosen.
 */
async function receivedEvent(db: Kysely<DB>, caseId: string): Promise<CaseEventView | null> {
  const row = await db
    .selectFrom('cases')
    .leftJoin('users', 'users.id', 'cases.created_by')
    .select([
      'cases.received_at',
      'cases.source',
      'cases.channel',
      'cases.created_by',
      'cases.intake_route',
      'users.display_name',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: 0,
    kind: 'received',
    at: row.received_at,
    byReporter: row.source === 'public_form',
    actor:
      row.created_by && row.display_name
        ? { id: row.created_by, displayName: row.display_name }
        : null,
    details: { channel: row.channel, routed: row.intake_route },
    body: null,
  };
}

/** A case's timeline, oldest first, with the bodies decrypted for a reader allowed to see them. */
export async function loadCaseEvents(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
): Promise<CaseEventView[]> {
  const [received, rows] = await Promise.all([
    receivedEvent(db, caseId),
    db
      .selectFrom('case_events')
      .leftJoin('users', 'users.id', 'case_events.actor_user_id')
      .select([
        'case_events.id',
        'case_events.kind',
        'case_events.at',
        'case_events.by_reporter',
        'case_events.actor_user_id',
        'users.display_name',
        'case_events.details',
        'case_events.body_enc',
      ])
      .where('case_events.case_id', '=', caseId)
      .orderBy('case_events.id')
      .execute(),
  ]);
  const events = rows.map((row): CaseEventView => ({
    id: row.id,
    kind: row.kind,
    at: row.at,
    byReporter: row.by_reporter,
    actor:
      row.actor_user_id && row.display_name
        ? { id: row.actor_user_id, displayName: row.display_name }
        : null,
    details: row.details,
    body: unseal(config.masterKeys, 'case_events', 'body_enc', String(row.id), row.body_enc),
  }));
  return received ? [received, ...events] : events;
}
