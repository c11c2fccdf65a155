import { z } from 'zod';
import {
  accessModes,
  accessibilityFeatures,
  helpDeskChannels,
  helpDeskServices,
} from '../../core/help-desk.ts';
import { helpDeskSummary, historyPage, municipality } from '../organisations/schemas.ts';

/** Any string: a malformed id is answered 404 by the handler, exactly like an unknown one. */
export const helpDeskIdParams = z.object({ id: z.string().max(100) });

const unknownCode = { message: 'network.validation.code_unknown' };

// Times and dates are checked for meaning by validateOpeningHours, so that every problem is
// reported with its translated `network.hours.<code>` message; here only the shape.
const timeOfDay = z.string().max(10);
const interval = z.strictObject({ opens: timeOfDay, closes: timeOfDay });
const intervals = z.array(interval).max(12);
const date = z.string().max(20);

export const openingHoursInput = z.strictObject({
  weekly: z.strictObject({
    '1': intervals.optional(),
    '2': intervals.optional(),
    '3': intervals.optional(),
    '4': intervals.optional(),
    '5': intervals.optional(),
    '6': intervals.optional(),
    '7': intervals.optional(),
  }),
  exceptions: z
    .array(
      z.union([
        z.strictObject({ date, closed: z.literal(true) }),
        z.strictObject({ date, intervals }),
      ]),
    )
    .max(400),
  closedOnPublicHolidays: z.boolean(),
  localHolidays: z.array(z.string().max(10)).max(20).optional(),
});
export type OpeningHoursInput = z.infer<typeof openingHoursInput>;

/** Optional text: blank becomes null. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable();

const webAddress = z
  .string()
  .trim()
  .max(500)
  .transform((value) => (value === '' ? null : value))
  .pipe(
    z
      .url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        message: 'network.validation.url_invalid',
      })
      .nullable(),
  )
  .nullable();

const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .transform((value) => (value === '' ? null : value))
  .pipe(z.email({ message: 'network.validation.email_invalid' }).nullable())
  .nullable();

const phoneNumber = text(40).refine(
  (value) => value === null || /^\+?[0-9][0-9 ./-]{4,30}$/.test(value),
  { message: 'network.validation.phone_invalid' },
);

const codeList = <T extends string>(codes: readonly [T, ...T[]]) =>
  z.array(z.enum(codes, unknownCode)).max(codes.length * 2);

const fields = {
  organisationId: z.string().trim().toLowerCase().max(100),
  name: z.string().trim().min(1, { message: 'network.validation.name_required' }).max(300),
  description: text(5000),
  municipalityCode: z.string().trim().max(10),
  address: text(500),
  postalCode: text(5).refine((value) => value === null || /^[0-9]{5}$/.test(value), {
    message: 'network.validation.postal_code_invalid',
  }),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  phone: phoneNumber,
  email: emailAddress,
  website: webAddress,
  onlineUrl: webAddress,
  channels: codeList(helpDeskChannels),
  services: codeList(helpDeskServices),
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2,3}$/, { message: 'network.validation.language_invalid' }),
    )
    .max(60),
  accessibility: codeList(accessibilityFeatures),
  accessMode: z.enum(accessModes, unknownCode),
  openingHours: openingHoursInput,
  competentMunicipalityCodes: z.array(z.string().trim().max(10)).max(500),
  status: z.enum(['active', 'inactive'], unknownCode),
};

export const createHelpDeskBody = z.strictObject({
  organisationId: fields.organisationId,
  name: fields.name,
  description: fields.description.optional(),
  municipalityCode: fields.municipalityCode,
  address: fields.address.optional(),
  postalCode: fields.postalCode.optional(),
  latitude: fields.latitude.optional(),
  longitude: fields.longitude.optional(),
  phone: fields.phone.optional(),
  email: fields.email.optional(),
  website: fields.website.optional(),
  onlineUrl: fields.onlineUrl.optional(),
  channels: fields.channels,
  services: fields.services.optional(),
  languages: fields.languages.optional(),
  accessibility: fields.accessibility.optional(),
  accessMode: fields.accessMode,
  openingHours: fields.openingHours,
  competentMunicipalityCodes: fields.competentMunicipalityCodes,
  status: fields.status.optional(),
});
export type CreateHelpDeskBody = z.infer<typeof createHelpDeskBody>;

export const updateHelpDeskBody = z.strictObject(fields).partial();
export type UpdateHelpDeskBody = z.infer<typeof updateHelpDeskBody>;

export const listHelpDesksQuery = z.object({
  query: z.string().max(200).optional(),
  organisationId: z.string().max(100).optional(),
  municipality: z.string().max(10).optional(),
  service: z.string().max(50).optional(),
  language: z.string().max(10).optional(),
  status: z.enum(['active', 'inactive'], unknownCode).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListHelpDesksQuery = z.infer<typeof listHelpDesksQuery>;

// Answers, for the OpenAPI document and the serializer: plain shapes (no transforms, no strict
// objects), so serialising what the queries return never fails.
const outputInterval = z.object({ opens: z.string(), closes: z.string() });
const openingHoursOutput = z.object({
  weekly: z.record(z.string(), z.array(outputInterval)),
  exceptions: z.array(
    z.union([
      z.object({ date: z.string(), closed: z.literal(true) }),
      z.object({ date: z.string(), intervals: z.array(outputInterval) }),
    ]),
  ),
  closedOnPublicHolidays: z.boolean(),
  localHolidays: z.array(z.string()).optional(),
});

export const helpDeskListItem = helpDeskSummary.extend({
  /** How many municipalities the desk serves, and the first few names in order. */
  competentMunicipalityCount: z.number().int(),
  competentMunicipalityNames: z.array(z.string()),
});

export const helpDeskPage = z.object({
  items: z.array(helpDeskListItem),
  nextCursor: z.string().nullable(),
});

export const helpDeskDetail = helpDeskSummary.extend({
  description: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  accessibility: z.array(z.string()),
  openingHours: openingHoursOutput,
  competentMunicipalities: z.array(municipality),
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const helpDeskHistoryPage = historyPage;
