import {
  isCurrentMember,
  organisationFilter,
  type OrganisationFilters,
} from '../../organisations/organisation-filters.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { NetworkCategoryKey } from '../../maps/palettes.ts';

export const FALLBACK_REGION = '09';

/**
 * Active organisations that hold a role in the network (as on the home page). The back-office
 * map narrows them further with the directory's filters; the public pages pass none.
 */
function members(db: Kysely<DB>, filters: OrganisationFilters = {}) {
  return db
    .selectFrom('organisations')
    .where('organisations.status', '=', 'active')
    .where(isCurrentMember)
    .where((eb) => organisationFilter(eb, filters));
}

/** The region of the lead partner's seat; Tuscany when the network has none yet. */
export async function networkRegion(
  db: Kysely<DB>,
): Promise<{ code: string; name: string | null }> {
  const row = await members(db)
    .innerJoin('municipalities', 'municipalities.istat_code', 'organisations.municipality_code')
    .select(['municipalities.region_code', 'municipalities.region_name'])
    .where('organisations.network_role', '=', 'lead_partner')
    .orderBy('organisations.created_at')
    .executeTakeFirst();
  if (row) return { code: row.region_code, name: row.region_name };
  const fallback = await db
    .selectFrom('municipalities')
    .select('region_name')
    .where('region_code', '=', FALLBACK_REGION)
    .executeTakeFirst();
  return { code: FALLBACK_REGION, name: fallback?.region_name ?? null };
}

/** Municipalities where a member has its seat or which a member covers (territories). */
export async function memberMunicipalities(
  db: Kysely<DB>,
  filters: OrganisationFilters = {},
): Promise<Set<string>> {
  const seats = await members(db, filters)
    .select('organisations.municipality_code as code')
    .where('organisations.municipality_code', 'is not', null)
    .execute();
  const territories = await members(db, filters)
    .innerJoin(
      'organisation_territories',
      'organisation_territories.organisation_id',
      'organisations.id',
    )
    .select('organisation_territories.municipality_code as code')
    .execute();
  return new Set([...seats, ...territories].flatMap((row) => row.code ?? []));
}

/** Municipalities some active desk (of an active organisation) is competent for. */
export async function deskMunicipalities(
  db: Kysely<DB>,
  filters: OrganisationFilters = {},
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('help_desk_municipalities')
    .innerJoin('help_desks', 'help_desks.id', 'help_desk_municipalities.help_desk_id')
    .innerJoin('organisations', 'organisations.id', 'help_desks.organisation_id')
    .select('help_desk_municipalities.municipality_code as code')
    .distinct()
    .where('help_desks.status', '=', 'active')
    .where('organisations.status', '=', 'active')
    .where((eb) => organisationFilter(eb, filters))
    .execute();
  return new Set(rows.map((row) => row.code));
}

/** Each municipality's colour on the network map: a desk wins over membership. */
export async function networkStatusOf(
  db: Kysely<DB>,
  filters: OrganisationFilters = {},
): Promise<(istatCode: string) => { category: NetworkCategoryKey }> {
  const [desks, memberCodes] = await Promise.all([
    deskMunicipalities(db, filters),
    memberMunicipalities(db, filters),
  ]);
  return (code) => ({
    category: desks.has(code) ? 'help-desk' : memberCodes.has(code) ? 'member' : 'not-member',
  });
}

export interface NetworkFigures {
  municipalities: number;
  associations: number;
  unarProtocols: number;
  activeDesks: number;
}

function count(value: unknown): number {
  return Number(value ?? 0);
}

/** "The network in numbers", computed from the data. */
export async function loadNetworkFigures(db: Kysely<DB>): Promise<NetworkFigures> {
  const municipalities = (await memberMunicipalities(db)).size;
  const associations = await members(db)
    .select(sql<string>`count(*)`.as('count'))
    .where('organisations.kind', '=', 'association')
    .executeTakeFirstOrThrow();
  const protocols = await members(db)
    .select(sql<string>`count(*)`.as('count'))
    .where('organisations.unar_protocol_signed_on', 'is not', null)
    .executeTakeFirstOrThrow();
  const desks = await db
    .selectFrom('help_desks')
    .innerJoin('organisations', 'organisations.id', 'help_desks.organisation_id')
    .select(sql<string>`count(*)`.as('count'))
    .where('help_desks.status', '=', 'active')
    .where('organisations.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return {
    municipalities,
    associations: count(associations.count),
    unarProtocols: count(protocols.count),
    activeDesks: count(desks.count),
  };
}
