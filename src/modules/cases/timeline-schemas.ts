import { z } from 'zod';
import { actionKinds } from '../../core/cases/vocabularies.ts';
import { referralShares } from './case-access.ts';

/** Schemas of the timeline and collaboration routes (notes, actions, deadlines, referrals…). */

const unknownCode = { message: 'cases.validation.code_unknown' };
const required = { message: 'cases.validation.text_required' };

function hasControlCharacters(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** Free text that must be given: trimmed, no control characters but line breaks and tabs. */
const requiredText = (max: number) =>
  z
    .string(required)
    .trim()
    .min(1, required)
    .max(max)
    .refine((value) => !hasControlCharacters(value), { message: 'cases.validation.text_invalid' });

/** Free text that may be left out: blank becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControlCharacters(value), { message: 'cases.validation.text_invalid' })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const uuid = z.string().trim().toLowerCase().max(100);
// Bounded: the database refuses some dates ISO accepts (year 0), and no case work is older.
export const isoDate = z.iso
  .date({ message: 'cases.validation.date_invalid', abort: true })
  .refine((value) => value >= '1900-01-01' && value <= '2999-12-31', {
    message: 'cases.validation.date_invalid',
  });

export const subIdParams = z.object({ id: z.string().max(100), itemId: z.string().max(100) });

export const noteBody = z.strictObject({ body: requiredText(10_000) });
export type NoteBody = z.infer<typeof noteBody>;

export const actionBody = z.strictObject({
  kind: z.enum(actionKinds, unknownCode),
  doneOn: isoDate,
  outcome: optionalText(10_000),
});
export type ActionBody = z.infer<typeof actionBody>;

export const deadlineBody = z.strictObject({
  title: requiredText(500),
  dueOn: isoDate,
  remindOn: isoDate.nullable().optional(),
  assigneeUserId: uuid,
});
export type DeadlineBody = z.infer<typeof deadlineBody>;

export const deadlineStateBody = z.strictObject({ done: z.boolean() });

export const messageBody = z.strictObject({ body: requiredText(5_000) });

const shareList = z
  .array(z.enum(referralShares, unknownCode))
  .min(1, { message: 'cases.referrals.shares_required' })
  .max(referralShares.length)
  .transform((shares) => [...new Set(shares)]);

export const referralBody = z.strictObject({
  toOrganisationId: uuid.nullable().optional(),
  toUserId: uuid.nullable().optional(),
  shares: shareList,
  note: optionalText(5_000),
});
export type ReferralBody = z.infer<typeof referralBody>;

export const referralParams = z.object({
  id: z.string().max(100),
  referralId: z.string().max(100),
});

export const referralReplyBody = z.strictObject({ reason: optionalText(5_000) });
export const referralDeclineBody = z.strictObject({ reason: requiredText(5_000) });

export const linkBody = z.strictObject({
  linkedCaseId: uuid,
  kind: z.enum(['duplicate', 'related'], unknownCode),
});

export const linkParams = z.object({ id: z.string().max(100), linkedCaseId: z.string().max(100) });

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const createdItem = z.object({ id: z.string() });

export const caseTimeline = z.object({
  events: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      at: z.string(),
      byReporter: z.boolean(),
      actor: person,
      details: z.record(z.string(), z.unknown()),
      body: z.string().nullable(),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      doneOn: z.string(),
      actor: person,
      outcome: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      source: z.enum(['reporter', 'operator']),
      fileName: z.string().nullable(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      description: z.string().nullable(),
      addedBy: person,
      addedAt: z.string(),
      erased: z.boolean(),
    }),
  ),
  deadlines: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      dueOn: z.string(),
      remindOn: z.string(),
      assignee: person,
      doneAt: z.string().nullable(),
      remindedAt: z.string().nullable(),
    }),
  ),
});

export const caseDocumentList = caseTimeline.shape.documents;

export const caseMessageList = z.object({
  canSend: z.boolean(),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['to_reporter', 'from_reporter']),
      body: z.string(),
      author: person,
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
});
