import { z } from 'zod';
import type { NetworkRole, OrganisationKind } from '../../db/schema.ts';

export const organisationKinds = [
  'municipality',
  'union_of_municipalities',
  'region',
  'association',
  'help_desk',
  'university',
  'health_social_consortium',
  'equality_body',
  'other_public_body',
] as const satisfies readonly OrganisationKind[];

export const networkRoles = [
  'lead_partner',
  'partner',
  'node',
  'antenna',
  'associate',
] as const satisfies readonly NetworkRole[];

const status = z.enum(['active', 'inactive']);
const isoDate = z.iso.date();
const istatCode = z.string().regex(/^[0-9]{6}$/, 'organisations.validation.municipality_unknown');

/** Any string: a malformed id is answered 404 by the handler, exactly like an unknown one. */
export const organisationIdParams = z.object({ id: z.string().max(100) });

// Formats (e-mail, URL, phone, postal code) and the rules between fields are checked by
// `checkOrganisationInput`, which names the field and translates the message; empty text is
// stored as null, so a form may send '' for a cleared field.
// PostgreSQL text cannot hold NUL, and no field here needs control characters but line breaks
// and tabs.
function hasControlCharacters(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}
export const cleanString = () =>
  z.string().refine((value) => !hasControlCharacters(value), {
    message: 'organisations.validation.control_characters',
  });
const text = (max: number) => cleanString().trim().max(max).nullable();

const inputFields = {
  name: cleanString().trim().min(1).max(300),
  kind: z.enum(organisationKinds),
  status,
  municipalityCode: cleanString()
    .trim()
    .max(6)
    .nullable()
    .refine((value) => value === null || value === '' || /^[0-9]{6}$/.test(value), {
      message: 'organisations.validation.municipality_unknown',
    }),
  description: text(5000),
  website: text(500),
  email: text(320),
  phone: text(50),
  address: text(500),
  postalCode: text(10),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  territoryCodes: z.array(istatCode).max(1000),
  networkRole: z.enum(networkRoles).nullable(),
  networkJoinedOn: isoDate.nullable(),
  networkLeftOn: isoDate.nullable(),
  unarProtocolSignedOn: isoDate.nullable(),
  unarProtocolReference: text(200),
};

export const createOrganisationBody = z.strictObject({
  name: inputFields.name,
  kind: inputFields.kind,
  status: inputFields.status.optional(),
  municipalityCode: inputFields.municipalityCode.optional(),
  description: inputFields.description.optional(),
  website: inputFields.website.optional(),
  email: inputFields.email.optional(),
  phone: inputFields.phone.optional(),
  address: inputFields.address.optional(),
  postalCode: inputFields.postalCode.optional(),
  latitude: inputFields.latitude.optional(),
  longitude: inputFields.longitude.optional(),
  territoryCodes: inputFields.territoryCodes.optional(),
  networkRole: inputFields.networkRole.optional(),
  networkJoinedOn: inputFields.networkJoinedOn.optional(),
  networkLeftOn: inputFields.networkLeftOn.optional(),
  unarProtocolSignedOn: inputFields.unarProtocolSignedOn.optional(),
  unarProtocolReference: inputFields.unarProtocolReference.optional(),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBody>;

export const updateOrganisationBody = createOrganisationBody.partial();
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBody>;

export const referralsBody = z.strictObject({
  referralsTo: z
    .array(
      z.strictObject({
        organisationId: z.string().max(100),
        description: cleanString().trim().max(1000).nullable().optional(),
      }),
    )
    .max(500),
});
export type ReferralsBody = z.infer<typeof referralsBody>;

const yesNo = z.enum(['yes', 'no']);

export const listOrganisationsQuery = z.object({
  query: cleanString().max(200).optional(),
  kind: z.enum(organisationKinds).optional(),
  status: status.optional(),
  member: yesNo.optional(),
  role: z.enum(networkRoles).optional(),
  unar: yesNo.optional(),
  municipality: istatCode.optional(),
  cursor: cleanString().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListOrganisationsQuery = z.infer<typeof listOrganisationsQuery>;

export const municipality = z.object({
  code: z.string(),
  name: z.string(),
  provinceAcronym: z.string(),
});

export const organisationSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  status,
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  networkRole: z.enum(networkRoles).nullable(),
  networkJoinedOn: z.string().nullable(),
  unarProtocolSignedOn: z.string().nullable(),
  helpDeskCount: z.number().int(),
});
export type OrganisationSummary = z.infer<typeof organisationSummary>;

export const organisationPage = z.object({
  items: z.array(organisationSummary),
  nextCursor: z.string().nullable(),
});

const referral = z.object({
  organisationId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
});

export const helpDeskSummary = z.object({
  id: z.string(),
  name: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  status,
  services: z.array(z.string()),
  languages: z.array(z.string()),
  channels: z.array(z.string()),
  accessMode: z.enum(['appointment', 'walk_in', 'both']),
});

export const organisationDetail = organisationSummary.extend({
  description: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  networkLeftOn: z.string().nullable(),
  unarProtocolReference: z.string().nullable(),
  /** The signed protocol's file (never its content); null when none was uploaded. */
  unarProtocolDocument: z
    .object({ fileName: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })
    .nullable(),
  territories: z.array(municipality),
  referralsTo: z.array(referral),
  referralsFrom: z.array(referral),
  helpDesks: z.array(helpDeskSummary),
  canEdit: z.boolean(),
  canManageMembership: z.boolean(),
  /** Whether the actor may download the signed protocol (its own staff, network admins). */
  canDownloadUnarProtocol: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationDetail = z.infer<typeof organisationDetail>;

export const historyPage = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      changedAt: z.string(),
      changedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
      changeKind: z.enum(['created', 'updated', 'imported', 'status_changed']),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    }),
  ),
  /** Names of the municipality codes and organisation ids the changes hold. */
  labels: z.object({
    municipalities: z.record(z.string(), z.string()),
    organisations: z.record(z.string(), z.string()),
  }),
});
