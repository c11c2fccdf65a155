import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { OrganisationSummary } from './schemas.ts';

/** The organisations of the network with their seat's name and their help-desk count. */
export function summaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.istat_code', 'organisations.municipality_code')
    .select([
      'organisations.id',
      'organisations.name as organisation_name',
      'organisations.search_name as organisation_search_name',
      'organisations.kind',
      'organisations.status',
      'organisations.municipality_code',
      'municipalities.name as municipality_name',
      'organisations.network_role',
      'organisations.network_joined_on',
      'organisations.unar_protocol_signed_on',
    ])
    .select((eb) =>
      eb
        .selectFrom('help_desks')
        .select(sql<number>`count(*)::int`.as('count'))
        .whereRef('help_desks.organisation_id', '=', 'organisations.id')
        .as('help_desk_count'),
    );
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

export function presentSummary(row: SummaryRow): OrganisationSummary {
  return {
    id: row.id,
    name: row.organisation_name,
    kind: row.kind,
    status: row.status,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    networkRole: row.network_role,
    networkJoinedOn: row.network_joined_on,
    unarProtocolSignedOn: row.unar_protocol_signed_on,
    helpDeskCount: Number(row.help_desk_count ?? 0),
  };
}
