import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { lockLiveCase } from './live-case.ts';
import { seal, unseal } from './sealed-fields.ts';

/** Long enough for a careful answer, short enough to stay a message rather than a document. */
export const MAX_MESSAGE_LENGTH = 5_000;

export type MessageDirection = 'to_reporter' | 'from_reporter';

export interface NewMessage {
  caseId: string;
  direction: MessageDirection;
  body: string;
  /** The operator who wrote a message to the reporter; null for the reporter's own. */
  authorUserId: string | null;
}

export interface CaseMessage {
  id: string;
  direction: MessageDirection;
  body: string;
  authorUserId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export class MessageBodyError extends Error {
  readonly problem: 'empty' | 'too_long';
  constructor(problem: 'empty' | 'too_long') {
    super(`message body is ${problem}`);
    this.problem = problem;
  }
}

/** The text as it will be stored, or the reason it cannot be (callers show it on the field). */
export function checkMessageBody(body: string): string {
  const text = body.replaceAll('\r\n', '\n').trim();
  if (text === '') throw new MessageBodyError('empty');
  if (text.length > MAX_MESSAGE_LENGTH) throw new MessageBodyError('too_long');
  return text;
}

/**
 * Adds a message to the conversation between the desk and the reporter (the receipt channel:
 * the desk never needs the reporter's contact data to ask a question). A message from the
 * reporter also goes on the case's timeline, without its text, so the desk sees that something
 * arrived. An erased case takes no message (`CaseErasedError`).
 */
export async function postMessage(
  db: Kysely<DB>,
  config: Config,
  input: NewMessage,
  now = new Date(),
): Promise<{ id: string; createdAt: Date }> {
  checkMessageBody(input.body);
  return db.transaction().execute(async (trx) => {
    await lockLiveCase(trx, input.caseId);
    return insertMessage(trx, config, input, now);
  });
}

/**
 * Stores a message inside the caller's transaction, which holds the case row (`lockLiveCase`
 * or `lockCase`). The body is sealed to its row, so the id is chosen here before encrypting.
 */
export async function insertMessage(
  trx: Transaction<DB>,
  config: Config,
  input: NewMessage,
  now: Date,
): Promise<{ id: string; createdAt: Date }> {
  const body = checkMessageBody(input.body);
  const id = randomUUID();
  await trx
    .insertInto('case_messages')
    .values({
      id,
      case_id: input.caseId,
      direction: input.direction,
      body_enc: seal(config.masterKeys, 'case_messages', 'body_enc', id, body)!,
      author_user_id: input.authorUserId,
      created_at: now,
    })
    .execute();
  if (input.direction === 'from_reporter') {
    await trx
      .insertInto('case_events')
      .values({
        case_id: input.caseId,
        kind: 'reporter_message',
        actor_user_id: null,
        by_reporter: true,
        at: now,
        details: JSON.stringify({ messageId: id }),
      })
      .execute();
  }
  return { id, createdAt: now };
}

/** The conversation of a case, oldest first, decrypted. */
export async function listMessages(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
): Promise<CaseMessage[]> {
  const rows = await db
    .selectFrom('case_messages')
    .select(['id', 'direction', 'body_enc', 'author_user_id', 'created_at', 'read_at'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction,
    body: unseal(config.masterKeys, 'case_messages', 'body_enc', row.id, row.body_enc) ?? '',
    authorUserId: row.author_user_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  }));
}

/**
 * Marks as read what one side has received: `to_reporter` when the reporter opens the
 * conversation, `from_reporter` when the desk does. Returns how many were newly read.
 */
export async function markMessagesRead(
  db: Kysely<DB>,
  caseId: string,
  direction: MessageDirection,
  now = new Date(),
): Promise<number> {
  const result = await db
    .updateTable('case_messages')
    .set({ read_at: now })
    .where('case_id', '=', caseId)
    .where('direction', '=', direction)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Messages one side has not read yet (for a badge, without decrypting anything). */
export async function countUnreadMessages(
  db: Kysely<DB>,
  caseId: string,
  direction: MessageDirection,
): Promise<number> {
  const row = await db
    .selectFrom('case_messages')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('case_id', '=', caseId)
    .where('direction', '=', direction)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
