import { sql, type Kysely } from 'kysely';
import type { ExistingOrganisation } from '../../core/network-import/plan.ts';
import { MunicipalityIndex } from '../../core/network-import/parse-rows.ts';
import type { DB } from '../../db/schema.ts';

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

/** Every organisation with the fields an import compares. */
export async function loadExistingOrganisations(db: Kysely<DB>): Promise<ExistingOrganisation[]> {
  const rows = await db.selectFrom('organisations').selectAll().execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    searchName: row.search_name,
    networkLeftOn: row.network_left_on,
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
