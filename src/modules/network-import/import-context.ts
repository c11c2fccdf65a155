import { sql, type Kysely } from 'kysely';
import type { ExistingHelpDesk } from '../../core/network-import/desk-plan.ts';
import type { ExistingOrganisation } from '../../core/network-import/plan.ts';
import { MunicipalityIndex } from '../../core/network-import/parse-rows.ts';
import type { DB } from '../../db/schema.ts';
import { canonicalOpeningHours } from '../help-desks/help-desk-state.ts';

/**
 * The network's region: that of the lead partner's seat, else the region where most
 * organisations sit; null (names matched nationwide) while the directory is empty.
 */
async function networkRegion(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('organisations')
    .innerJoin('municipalities', 'municipalities.istat_code', 'organisations.municipality_code')
    .select(['municipalities.region_code', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('municipalities.region_code')
    .orderBy(
      (eb) =>
        eb.fn.max(
          sql<number>`CASE WHEN organisations.network_role = 'lead_partner' THEN 1 ELSE 0 END`,
        ),
      'desc',
    )
    .orderBy('count', 'desc')
    .orderBy('municipalities.region_code')
    .limit(1)
    .executeTakeFirst();
  return row?.region_code ?? null;
}

export async function loadMunicipalityIndex(db: Kysely<DB>): Promise<MunicipalityIndex> {
  const [municipalities, regionCode] = await Promise.all([
    db.selectFrom('municipalities').select(['istat_code', 'name', 'region_code']).execute(),
    networkRegion(db),
  ]);
  return new MunicipalityIndex(
    municipalities.map((row) => ({
      code: row.istat_code,
      name: row.name,
      regionCode: row.region_code,
    })),
    regionCode,
  );
}

/** Values of a (key, value) table grouped by key, each list sorted. */
function groupSorted(rows: readonly { key: string; value: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const list = groups.get(row.key);
    if (list) list.push(row.value);
    else groups.set(row.key, [row.value]);
  }
  for (const list of groups.values()) list.sort();
  return groups;
}

/** Every organisation with the fields an import compares, its territories and referrals. */
export async function loadExistingOrganisations(db: Kysely<DB>): Promise<ExistingOrganisation[]> {
  const [rows, territoryRows, referralRows] = await Promise.all([
    db.selectFrom('organisations').selectAll().execute(),
    db
      .selectFrom('organisation_territories')
      .select(['organisation_id as key', 'municipality_code as value'])
      .execute(),
    db
      .selectFrom('referral_links')
      .select(['from_organisation_id as key', 'to_organisation_id as value'])
      .execute(),
  ]);
  const territories = groupSorted(territoryRows);
  const referrals = groupSorted(referralRows);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    searchName: row.search_name,
    networkLeftOn: row.network_left_on,
    territories: territories.get(row.id) ?? [],
    referralsTo: referrals.get(row.id) ?? [],
    values: {
      kind: row.kind,
      municipalityCode: row.municipality_code,
      address: row.address,
      postalCode: row.postal_code,
      email: row.email,
      phone: row.phone,
      website: row.website,
      networkRole: row.network_role,
      networkJoinedOn: row.network_joined_on,
      unarProtocolSignedOn: row.unar_protocol_signed_on,
      status: row.status,
      latitude: row.latitude,
      longitude: row.longitude,
      description: row.description,
    },
  }));
}

/** Every help desk with the fields an import compares. */
export async function loadExistingHelpDesks(db: Kysely<DB>): Promise<ExistingHelpDesk[]> {
  const [rows, competentRows] = await Promise.all([
    db.selectFrom('help_desks').selectAll().execute(),
    db
      .selectFrom('help_desk_municipalities')
      .select(['help_desk_id as key', 'municipality_code as value'])
      .execute(),
  ]);
  const competent = groupSorted(competentRows);
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    searchName: row.search_name,
    state: {
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
      competentMunicipalityCodes: competent.get(row.id) ?? [],
      status: row.status,
    },
  }));
}

/** `search_text(name)` of each name, computed by the database's own definition. */
export async function searchNames(
  db: Kysely<DB>,
  names: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const result = await sql<{ name: string; key: string }>`
    SELECT value AS name, search_text(value) AS key FROM unnest(${unique}::text[]) AS value`.execute(
    db,
  );
  return new Map(result.rows.map((row) => [row.name, row.key]));
}
