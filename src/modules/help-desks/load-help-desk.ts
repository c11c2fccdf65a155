import type { Kysely } from 'kysely';
import { can, canManageOrganisation, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { canonicalOpeningHours, type HelpDeskState } from './help-desk-state.ts';
import { isUuid } from './check-help-desk.ts';
import type { OpeningHoursInput } from './schemas.ts';

export interface Municipality {
  code: string;
  name: string;
  provinceAcronym: string;
}

export interface HelpDeskSummary {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  municipalityCode: string;
  municipalityName: string;
  status: 'active' | 'inactive';
  services: string[];
  languages: string[];
  channels: string[];
  accessMode: 'appointment' | 'walk_in' | 'both';
}

export interface HelpDesk extends HelpDeskSummary {
  description: string | null;
  address: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  onlineUrl: string | null;
  accessibility: string[];
  openingHours: OpeningHoursInput;
  competentMunicipalities: Municipality[];
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Who may change a desk: `network.edit` and the desk's organisation (`canManageOrganisation`). */
export function canEditHelpDesk(actor: Actor, organisationId: string): boolean {
  return can(actor, 'network.edit') && canManageOrganisation(actor, organisationId);
}

export function summaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('help_desks')
    .innerJoin('organisations', 'organisations.id', 'help_desks.organisation_id')
    .innerJoin('municipalities', 'municipalities.istat_code', 'help_desks.municipality_code')
    .select([
      'help_desks.id',
      'help_desks.name',
      'help_desks.search_name',
      'help_desks.organisation_id',
      'organisations.name as organisation_name',
      'help_desks.municipality_code',
      'municipalities.name as municipality_name',
      'help_desks.status',
      'help_desks.services',
      'help_desks.languages',
      'help_desks.channels',
      'help_desks.access_mode',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

export function presentSummary(row: SummaryRow): HelpDeskSummary {
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    status: row.status,
    services: row.services,
    languages: row.languages,
    channels: row.channels,
    accessMode: row.access_mode,
  };
}

async function loadRow(db: Kysely<DB>, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('help_desks').selectAll().where('id', '=', id).executeTakeFirst();
}

async function competentMunicipalities(db: Kysely<DB>, id: string): Promise<Municipality[]> {
  const rows = await db
    .selectFrom('help_desk_municipalities')
    .innerJoin(
      'municipalities',
      'municipalities.istat_code',
      'help_desk_municipalities.municipality_code',
    )
    .select(['municipalities.istat_code', 'municipalities.name', 'municipalities.province_acronym'])
    .where('help_desk_municipalities.help_desk_id', '=', id)
    .orderBy('municipalities.istat_code')
    .execute();
  return rows.map((row) => ({
    code: row.istat_code,
    name: row.name,
    provinceAcronym: row.province_acronym,
  }));
}

/** The editable state of a desk, for checks and history; undefined when there is none. */
export async function loadHelpDeskState(
  db: Kysely<DB>,
  id: string,
): Promise<HelpDeskState | undefined> {
  const row = await loadRow(db, id);
  if (!row) return undefined;
  const competent = await competentMunicipalities(db, row.id);
  return {
    organisationId: row.organisation_id,
    name: row.name,
    description: row.description,
    municipalityCode: row.municipality_code,
    address: row.address,
    postalCode: row.postal_code,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    email: row.email,
    website: row.website,
    onlineUrl: row.online_url,
    channels: row.channels,
    services: row.services,
    languages: row.languages,
    accessibility: row.accessibility,
    accessMode: row.access_mode,
    openingHours: canonicalOpeningHours(row.opening_hours),
    competentMunicipalityCodes: competent.map((municipality) => municipality.code),
    status: row.status,
  };
}

/** The full `HelpDesk` of the API, or undefined when there is none. */
export async function loadHelpDesk(
  db: Kysely<DB>,
  id: string,
  actor: Actor,
): Promise<HelpDesk | undefined> {
  if (!isUuid(id)) return undefined;
  const summary = await summaryQuery(db).where('help_desks.id', '=', id).executeTakeFirst();
  const row = await loadRow(db, id);
  if (!summary || !row) return undefined;
  return {
    ...presentSummary(summary),
    description: row.description,
    address: row.address,
    postalCode: row.postal_code,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    email: row.email,
    website: row.website,
    onlineUrl: row.online_url,
    accessibility: row.accessibility,
    openingHours: canonicalOpeningHours(row.opening_hours),
    competentMunicipalities: await competentMunicipalities(db, row.id),
    canEdit: canEditHelpDesk(actor, row.organisation_id),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
