import { z } from 'zod';
import { consentPurposes } from '../../core/cases/consent.ts';
import {
  datePrecisions,
  intakeChannels,
  victimProfileOptions,
} from '../../core/cases/vocabularies.ts';
import { caseStatuses } from '../../core/cases/workflow.ts';
import { referralShares } from './case-access.ts';
import { isoDate } from './timeline-schemas.ts';

/** Any string: a malformed id is answered 404 by the handler, exactly like an unknown one. */
export const caseIdParams = z.object({ id: z.string().max(100) });

const unknownCode = { message: 'cases.validation.code_unknown' };

function hasControlCharacters(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** Free text: trimmed, blank becomes null, no control characters but line breaks and tabs. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControlCharacters(value), { message: 'cases.validation.text_invalid' })
    .transform((value) => (value === '' ? null : value))
    .nullable();

const code = z.string().trim().max(64);
const codes = z.array(code).max(40);
const uuid = z.string().trim().toLowerCase().max(100);
const rowVersion = z.number().int().min(1).max(2_147_483_647);

// Operators type in what arrived elsewhere; the public form is the only web_form channel.
const operatorChannels = intakeChannels.filter((channel) => channel !== 'web_form') as [
  Exclude<(typeof intakeChannels)[number], 'web_form'>,
  ...Exclude<(typeof intakeChannels)[number], 'web_form'>[],
];

const victimProfileInput = z.strictObject({
  ageBand: z.enum(victimProfileOptions.ageBand, unknownCode).nullable(),
  gender: z.enum(victimProfileOptions.gender, unknownCode).nullable(),
  citizenshipGroup: z.enum(victimProfileOptions.citizenshipGroup, unknownCode).nullable(),
  migrationBackground: z.enum(victimProfileOptions.migrationBackground, unknownCode).nullable(),
  residenceStatus: z.enum(victimProfileOptions.residenceStatus, unknownCode).nullable(),
});

export const createCaseBody = z.strictObject({
  channel: z.enum(operatorChannels, unknownCode),
  narrative: z
    .string()
    .trim()
    .min(1, { message: 'cases.validation.narrative_required' })
    .max(20_000),
  title: text(200).optional(),
  occurredOn: isoDate.nullable().optional(),
  occurredPrecision: z.enum(datePrecisions, unknownCode).nullable().optional(),
  municipalityCode: z.string().trim().max(10).nullable().optional(),
  online: z.boolean().default(false),
  onlineLink: text(2000).optional(),
  placeDetail: text(2000).optional(),
  perpetratorDetail: text(5000).optional(),
  reporterRole: code.nullable().optional(),
  grounds: codes.optional(),
  domains: codes.optional(),
  perpetratorSectors: codes.optional(),
  contact: z
    .strictObject({
      name: text(200).optional(),
      email: text(320).optional(),
      phone: text(40).optional(),
      preference: text(500).optional(),
    })
    .nullable(),
  consents: z.strictObject(
    Object.fromEntries(consentPurposes.map((purpose) => [purpose, z.boolean()])) as Record<
      (typeof consentPurposes)[number],
      z.ZodBoolean
    >,
  ),
  issueReceipt: z.boolean().default(false),
  locale: z.enum(['it', 'en']).optional(),
  queue: z.strictObject({ organisationId: uuid, helpDeskId: uuid.nullable().optional() }),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.array(z.string().max(40)).max(20), z.string().max(400)])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).filter(Boolean))
    .pipe(z.array(z.enum(values, unknownCode)));

export const listCasesQuery = z.object({
  scope: z.enum(['mine', 'desk', 'organisation', 'referred'], unknownCode).optional(),
  status: csv(caseStatuses).optional(),
  ground: code.optional(),
  domain: code.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
  helpDeskId: uuid.optional(),
  assigneeId: uuid.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const transitionBody = z.strictObject({
  to: z.enum(caseStatuses, unknownCode),
  reason: text(5000).optional(),
  outcome: code.nullable().optional(),
  /** For the record when a desk redirects a report outside its competence. */
  redirectTo: uuid.nullable().optional(),
  rowVersion,
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const classificationBody = z.strictObject({
  grounds: codes,
  primaryGround: code.nullable(),
  perceivedGrounds: codes,
  associationGrounds: codes,
  domains: codes,
  types: codes,
  perpetratorKind: code.nullable(),
  perpetratorSectors: codes,
  perpetratorRoles: codes,
  reporterRole: code.nullable(),
  rowVersion: rowVersion.optional(),
});
export type ClassificationBody = z.infer<typeof classificationBody>;

export const victimProfileBody = victimProfileInput.extend({ rowVersion: rowVersion.optional() });
export type VictimProfileBody = z.infer<typeof victimProfileBody>;

export const updateCaseBody = z.strictObject({
  title: text(200).optional(),
  assigneeUserId: uuid.nullable().optional(),
  occurredOn: isoDate.nullable().optional(),
  occurredPrecision: z.enum(datePrecisions, unknownCode).nullable().optional(),
  municipalityCode: z.string().trim().max(10).nullable().optional(),
  rowVersion: rowVersion.optional(),
});
export type UpdateCaseBody = z.infer<typeof updateCaseBody>;

export const reassignBody = z.strictObject({
  helpDeskId: uuid.nullable().optional(),
  organisationId: uuid.nullable().optional(),
  reason: z.string().trim().min(1, { message: 'cases.validation.reason_required' }).max(5000),
  rowVersion: rowVersion.optional(),
});
export type ReassignBody = z.infer<typeof reassignBody>;

export const taxonomyQuery = z.object({ version: z.string().max(20).optional() });

// Answers, for the OpenAPI document and the serializer: plain shapes, no transforms.
const named = z.object({ id: z.string(), name: z.string() });
const person = z.object({ id: z.string(), displayName: z.string() });
const overdue = z.object({ acknowledge: z.boolean(), takeInCharge: z.boolean() });
const status = z.enum(caseStatuses);

export const createdCase = z.object({
  id: z.string(),
  reference: z.string(),
  /** Shown once to the reporter (read it out on the phone); never stored in clear. */
  receiptCode: z.string().nullable(),
  organisationId: z.string().nullable(),
  helpDeskId: z.string().nullable(),
});

export const caseListItem = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string().nullable(),
  status,
  channel: z.string(),
  receivedAt: z.string(),
  acknowledgeDueOn: z.string(),
  takeInChargeDueOn: z.string(),
  overdue,
  organisation: named.nullable(),
  helpDesk: named.nullable(),
  assignee: person.nullable(),
  grounds: z.array(z.string()).nullable(),
  domains: z.array(z.string()).nullable(),
  intersectional: z.boolean().nullable(),
  possibleDuplicate: z.boolean().nullable(),
  access: z.enum(['team', 'referral']),
});

export const casePage = z.object({
  items: z.array(caseListItem),
  nextCursor: z.string().nullable(),
});

const classification = z.object({
  grounds: z.array(z.string()),
  primaryGround: z.string().nullable(),
  perceivedGrounds: z.array(z.string()),
  associationGrounds: z.array(z.string()),
  domains: z.array(z.string()),
  types: z.array(z.string()),
  perpetratorKind: z.string().nullable(),
  perpetratorSectors: z.array(z.string()),
  perpetratorRoles: z.array(z.string()),
  reporterRole: z.string().nullable(),
  outcome: z.string().nullable(),
  intersectional: z.boolean(),
  classifiedAt: z.string().nullable(),
  classifiedBy: person.nullable(),
});

export const caseDetail = z.object({
  id: z.string(),
  reference: z.string(),
  access: z.enum(['team', 'referral']),
  /** For a referral's receiver: the parts of the case the referral shares. */
  shares: z.array(z.enum(referralShares)),
  title: z.string().nullable(),
  status,
  source: z.enum(['public_form', 'operator']),
  channel: z.string(),
  organisation: named.nullable(),
  helpDesk: named.nullable(),
  assignee: person.nullable(),
  receivedAt: z.string(),
  acknowledgeDueOn: z.string(),
  takeInChargeDueOn: z.string(),
  acknowledgedAt: z.string().nullable(),
  takenInChargeAt: z.string().nullable(),
  finalAt: z.string().nullable(),
  retentionUntil: z.string().nullable(),
  erasedAt: z.string().nullable(),
  overdue,
  occurredOn: z.string().nullable(),
  occurredPrecision: z.enum(datePrecisions).nullable(),
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  online: z.boolean(),
  narrative: z.string().nullable(),
  placeDetail: z.string().nullable(),
  onlineLink: z.string().nullable(),
  perpetratorDetail: z.string().nullable(),
  reporter: z.object({
    anonymous: z.boolean(),
    locale: z.string(),
    hasReceipt: z.boolean(),
    contact: z
      .object({
        name: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        preference: z.string().nullable(),
      })
      .nullable(),
  }),
  taxonomyVersion: z.string(),
  classification: classification.nullable(),
  victimProfile: z
    .object({
      ageBand: z.string().nullable(),
      gender: z.string().nullable(),
      citizenshipGroup: z.string().nullable(),
      migrationBackground: z.string().nullable(),
      residenceStatus: z.string().nullable(),
    })
    .nullable(),
  consents: z.array(
    z.object({
      purpose: z.enum(consentPurposes),
      granted: z.boolean(),
      textVersion: z.string(),
      recordedAt: z.string(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      at: z.string(),
      byReporter: z.boolean(),
      actor: person.nullable(),
      details: z.record(z.string(), z.unknown()),
      body: z.string().nullable(),
    }),
  ),
  allowedTransitions: z.array(status),
  rowVersion: z.number(),
});

const queue = z.object({ organisationId: z.string(), helpDeskId: z.string().nullable() });
export const reassignedCase = z.object({ id: z.string(), from: queue, to: queue });

const taxonomyEntry = z.object({
  code: z.string(),
  parent: z.string().nullable(),
  labels: z.object({ it: z.string(), en: z.string() }),
  publicLabels: z.object({ it: z.string(), en: z.string() }).nullable(),
  mappings: z.object({
    unar: z.string().nullable(),
    euDirective: z.string().nullable(),
    odihr: z.string().nullable(),
    equalityBody: z.string().nullable(),
  }),
});

export const taxonomyAnswer = z.object({
  version: z.string(),
  publishedOn: z.string(),
  versions: z.array(z.string()),
  facets: z.record(z.string(), z.array(taxonomyEntry)),
});
