import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { hasConsent } from '../../core/cases/consent.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { loadCaseConsents } from './case-consents.ts';
import { recordCaseEvent } from './case-events.ts';
import {
  checkMessageBody,
  insertMessage,
  listMessages,
  markMessagesRead,
  MessageBodyError,
} from './case-messages.ts';
import { lockCase } from './lock-case.ts';

/**
 * The desk's side of the conversation with the reporter. It goes through the receipt channel:
 * the reporter reads it with their receipt code, so nobody needs their contact data to ask a
 * question. Without a receipt, a message can still be written down for a reporter who agreed
 * to be contacted (the operator then calls or writes them from the case).
 */
async function canMessage(db: Kysely<DB>, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .select(['receipt_hash', 'erased_at'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (row.erased_at !== null) return false;
  if (row.receipt_hash !== null) return true;
  return hasConsent(await loadCaseConsents(db, caseId), 'contact');
}

/** The conversation, decrypted for the case's team; what the reporter sent is now read. */
export async function readStaffMessages(db: Kysely<DB>, config: Config, caseId: string) {
  const messages = await listMessages(db, config, caseId);
  const authorIds = [
    ...new Set(messages.map((message) => message.authorUserId).filter((id) => id !== null)),
  ];
  const authors =
    authorIds.length > 0
      ? await db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', 'in', authorIds)
          .execute()
      : [];
  const nameOf = new Map(authors.map((author) => [author.id, author.display_name]));
  const newlyRead = await markMessagesRead(db, caseId, 'from_reporter');
  return {
    newlyRead,
    answer: {
      canSend: await canMessage(db, caseId),
      messages: messages.map((message) => ({
        id: message.id,
        direction: message.direction,
        body: message.body,
        author:
          message.authorUserId && nameOf.has(message.authorUserId)
            ? { id: message.authorUserId, displayName: nameOf.get(message.authorUserId)! }
            : null,
        createdAt: message.createdAt.toISOString(),
        readAt: message.readAt?.toISOString() ?? null,
      })),
    },
  };
}

/**
 * A message from the desk to the reporter and its timeline event (without its text), in one
 * transaction that holds the case row: the message never exists without its event, and the
 * writer's access, the channel and the erasure are all checked under the same lock.
 */
export async function sendStaffMessage(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: string,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string }> {
  try {
    checkMessageBody(body);
  } catch (error) {
    if (!(error instanceof MessageBodyError)) throw error;
    throw new AppError('validation_failed', {
      fields: [{ field: 'body', message: translate(locale, 'cases.validation.text_required') }],
    });
  }
  return db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId, undefined, locale, actor);
    if (!(await canMessage(trx, caseId))) {
      throw new AppError('conflict', {
        fields: [{ field: 'body', message: translate(locale, 'cases.messages.no_channel') }],
      });
    }
    const { id } = await insertMessage(
      trx,
      config,
      { caseId, direction: 'to_reporter', body, authorUserId: actor.id },
      now,
    );
    await recordCaseEvent(trx, config, {
      caseId,
      kind: 'message_to_reporter',
      actorUserId: actor.id,
      at: now,
      details: { messageId: id },
    });
    return { id };
  });
}
