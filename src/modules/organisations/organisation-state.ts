import type { Kysely } from 'kysely';
import type { DB, NetworkRole, OrganisationKind } from '../../db/schema.ts';
import type { CreateOrganisationBody, UpdateOrganisationBody } from './schemas.ts';

/**
 * The editable fields of an organisation under their API names: what is validated, written,
 * compared for the history (`{ field: { from, to } }`) and named in errors.
 */
export interface OrganisationState {
  name: string;
  kind: OrganisationKind;
  status: 'active' | 'inactive';
  municipalityCode: string | null;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Sorted, so that the same set always compares equal. */
  territoryCodes: string[];
  networkRole: NetworkRole | null;
  networkJoinedOn: string | null;
  networkLeftOn: string | null;
  unarProtocolSignedOn: string | null;
  unarProtocolReference: string | null;
}

export type StateField = keyof OrganisationState;

/** Membership of the network, UNAR protocol and status: changed only with `network.manage`. */
export const restrictedFields = [
  'networkRole',
  'networkJoinedOn',
  'networkLeftOn',
  'unarProtocolSignedOn',
  'unarProtocolReference',
  'status',
] as const satisfies readonly StateField[];

const stateFields = [
  'name',
  'kind',
  'status',
  'municipalityCode',
  'description',
  'website',
  'email',
  'phone',
  'address',
  'postalCode',
  'latitude',
  'longitude',
  'territoryCodes',
  'networkRole',
  'networkJoinedOn',
  'networkLeftOn',
  'unarProtocolSignedOn',
  'unarProtocolReference',
] as const satisfies readonly StateField[];

export const emptyState: Omit<OrganisationState, 'name' | 'kind'> = {
  status: 'active',
  municipalityCode: null,
  description: null,
  website: null,
  email: null,
  phone: null,
  address: null,
  postalCode: null,
  latitude: null,
  longitude: null,
  territoryCodes: [],
  networkRole: null,
  networkJoinedOn: null,
  networkLeftOn: null,
  unarProtocolSignedOn: null,
  unarProtocolReference: null,
};

/** A cleared text field may arrive as '' (already trimmed by the schema): it is stored as null. */
function blankToNull<T>(value: T): T | null {
  return value === '' ? null : value;
}

/** The state after applying a (partial) input: fields left out keep their current value. */
export function applyInput(
  current: OrganisationState,
  input: CreateOrganisationBody | UpdateOrganisationBody,
): OrganisationState {
  const next: OrganisationState = { ...current, territoryCodes: [...current.territoryCodes] };
  const assign = next as unknown as Record<StateField, unknown>;
  for (const field of stateFields) {
    const value = input[field];
    if (value === undefined) continue;
    assign[field] = field === 'territoryCodes' ? [...(value as string[])] : blankToNull(value);
  }
  next.territoryCodes.sort();
  return next;
}

export type Changes = Record<string, { from: unknown; to: unknown }>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields whose value differs, each as `{ from, to }`. */
export function diffStates(before: OrganisationState | null, after: OrganisationState): Changes {
  const changes: Changes = {};
  for (const field of stateFields) {
    const from = before ? before[field] : field === 'territoryCodes' ? [] : null;
    const to = after[field];
    if (!same(from, to)) changes[field] = { from, to };
  }
  return changes;
}

/** The organisations row for a state (territories live in their own table). */
export function toRow(state: OrganisationState) {
  return {
    name: state.name,
    kind: state.kind,
    status: state.status,
    municipality_code: state.municipalityCode,
    description: state.description,
    website: state.website,
    email: state.email,
    phone: state.phone,
    address: state.address,
    postal_code: state.postalCode,
    latitude: state.latitude,
    longitude: state.longitude,
    network_role: state.networkRole,
    network_joined_on: state.networkJoinedOn,
    network_left_on: state.networkLeftOn,
    unar_protocol_signed_on: state.unarProtocolSignedOn,
    unar_protocol_reference: state.unarProtocolReference,
  };
}

/** The current state, locked for the rest of the transaction when `forUpdate` is set. */
export async function loadState(
  db: Kysely<DB>,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrganisationState | undefined> {
  let query = db.selectFrom('organisations').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const territories = await db
    .selectFrom('organisation_territories')
    .select('municipality_code')
    .where('organisation_id', '=', id)
    .execute();
  return {
    name: row.name,
    kind: row.kind,
    status: row.status,
    municipalityCode: row.municipality_code,
    description: row.description,
    website: row.website,
    email: row.email,
    phone: row.phone,
    address: row.address,
    postalCode: row.postal_code,
    latitude: row.latitude,
    longitude: row.longitude,
    territoryCodes: territories.map((territory) => territory.municipality_code).sort(),
    networkRole: row.network_role,
    networkJoinedOn: row.network_joined_on,
    networkLeftOn: row.network_left_on,
    unarProtocolSignedOn: row.unar_protocol_signed_on,
    unarProtocolReference: row.unar_protocol_reference,
  };
}

/** Makes the organisation's territories exactly `codes` (only the difference is written). */
export async function writeTerritories(
  db: Kysely<DB>,
  organisationId: string,
  before: readonly string[],
  codes: readonly string[],
): Promise<void> {
  const removed = before.filter((code) => !codes.includes(code));
  const added = codes.filter((code) => !before.includes(code));
  if (removed.length > 0) {
    await db
      .deleteFrom('organisation_territories')
      .where('organisation_id', '=', organisationId)
      .where('municipality_code', 'in', removed)
      .execute();
  }
  if (added.length > 0) {
    await db
      .insertInto('organisation_territories')
      .values(added.map((code) => ({ organisation_id: organisationId, municipality_code: code })))
      .execute();
  }
}
