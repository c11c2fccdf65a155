import type { Municipality } from '../api/municipalities.ts';
import type {
  NetworkRole,
  OrganisationDetail,
  OrganisationInput,
  OrganisationKind,
} from '../api/organisations.ts';
import type { FieldError } from '../api/client.ts';
import type { Translate } from '../i18n/useT.ts';
import { numberOrNull, orNull, text } from './labels.ts';

export interface OrganisationDraft {
  name: string;
  kind: string;
  status: string;
  description: string;
  website: string;
  email: string;
  phone: string;
  address: string;
  postalCode: string;
  latitude: string;
  longitude: string;
  seat: Municipality[];
  territories: Municipality[];
  networkRole: string;
  networkJoinedOn: string;
  networkLeftOn: string;
  unarProtocolSignedOn: string;
  unarProtocolReference: string;
}

export const textFields = [
  'name',
  'description',
  'website',
  'email',
  'phone',
  'address',
  'postalCode',
  'latitude',
  'longitude',
  'networkJoinedOn',
  'networkLeftOn',
  'unarProtocolSignedOn',
  'unarProtocolReference',
] as const;

export function draftOf(organisation: OrganisationDetail | null): OrganisationDraft {
  const o = organisation;
  return {
    name: text(o?.name),
    kind: o?.kind ?? '',
    status: o?.status ?? 'active',
    description: text(o?.description),
    website: text(o?.website),
    email: text(o?.email),
    phone: text(o?.phone),
    address: text(o?.address),
    postalCode: text(o?.postalCode),
    latitude: text(o?.latitude),
    longitude: text(o?.longitude),
    seat:
      o?.municipalityCode && o.municipalityName
        ? [{ code: o.municipalityCode, name: o.municipalityName, provinceAcronym: '' }]
        : [],
    territories: o?.territories ?? [],
    networkRole: o?.networkRole ?? '',
    networkJoinedOn: text(o?.networkJoinedOn),
    networkLeftOn: text(o?.networkLeftOn),
    unarProtocolSignedOn: text(o?.unarProtocolSignedOn),
    unarProtocolReference: text(o?.unarProtocolReference),
  };
}

export function inputOf(draft: OrganisationDraft): OrganisationInput {
  return {
    name: draft.name.trim(),
    kind: draft.kind as OrganisationKind,
    status: draft.status === 'inactive' ? 'inactive' : 'active',
    municipalityCode: draft.seat[0]?.code ?? null,
    description: orNull(draft.description),
    website: orNull(draft.website),
    email: orNull(draft.email),
    phone: orNull(draft.phone),
    address: orNull(draft.address),
    postalCode: orNull(draft.postalCode),
    latitude: numberOrNull(draft.latitude),
    longitude: numberOrNull(draft.longitude),
    territoryCodes: draft.territories.map((municipality) => municipality.code),
    networkRole: (draft.networkRole || null) as NetworkRole | null,
    networkJoinedOn: orNull(draft.networkJoinedOn),
    networkLeftOn: orNull(draft.networkLeftOn),
    unarProtocolSignedOn: orNull(draft.unarProtocolSignedOn),
    unarProtocolReference: orNull(draft.unarProtocolReference),
  };
}

const membershipFields: readonly string[] = [
  'networkRole',
  'networkJoinedOn',
  'networkLeftOn',
  'unarProtocolSignedOn',
  'unarProtocolReference',
  'status',
];

/** A change without the membership fields and status, for editors who may not change them. */
export function withoutMembership(input: OrganisationInput): Partial<OrganisationInput> {
  return Object.fromEntries(
    Object.entries(input).filter(([key]) => !membershipFields.includes(key)),
  );
}

/** The obvious mistakes, found before sending; the server checks everything again. */
export function checkDraft(draft: OrganisationDraft, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.name.trim()) errors.push({ field: 'name', message: t('bo.network.required') });
  if (!draft.kind) errors.push({ field: 'kind', message: t('bo.network.required') });
  for (const field of ['latitude', 'longitude'] as const) {
    if (Number.isNaN(numberOrNull(draft[field])))
      errors.push({ field, message: t('bo.network.notANumber') });
  }
  return errors;
}
