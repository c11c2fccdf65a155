import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { escapeLike } from '../../db/like.ts';
import type { DB, NetworkRole, OrganisationKind } from '../../db/schema.ts';

/** The directory's filters, shared by the back-office list, the export and the public pages. */
export interface OrganisationFilters {
  query?: string | undefined;
  kind?: OrganisationKind | undefined;
  status?: 'active' | 'inactive' | undefined;
  member?: 'yes' | 'no' | undefined;
  role?: NetworkRole | undefined;
  unar?: 'yes' | 'no' | undefined;
  municipality?: string | undefined;
}

type OrganisationsBuilder = ExpressionBuilder<DB, 'organisations'>;

/**
 * A current member of the network holds a role and has not left: an organisation whose leaving
 * date has passed keeps its role in the record (for history) but no longer counts.
 */
export function isCurrentMember(eb: OrganisationsBuilder): Expression<SqlBool> {
  return eb.and([
    eb('organisations.network_role', 'is not', null),
    eb.or([
      eb('organisations.network_left_on', 'is', null),
      eb('organisations.network_left_on', '>', sql<string>`current_date`),
    ]),
  ]);
}

/**
 * All the filters as one condition. `query` matches any part of the name through the same
 * `search_text` that generates the column, so both sides fold case and accents alike;
 * `municipality` matches the seat or a covered territory.
 */
export function organisationFilter(
  eb: OrganisationsBuilder,
  filters: OrganisationFilters,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  const search = filters.query?.trim() ?? '';
  if (search !== '') {
    conditions.push(
      sql<boolean>`organisations.search_name like '%' || search_text(${escapeLike(search)}) || '%'`,
    );
  }
  if (filters.kind) conditions.push(eb('organisations.kind', '=', filters.kind));
  if (filters.status) conditions.push(eb('organisations.status', '=', filters.status));
  if (filters.member === 'yes') conditions.push(isCurrentMember(eb));
  if (filters.member === 'no') conditions.push(eb.not(isCurrentMember(eb)));
  if (filters.role) {
    conditions.push(
      eb.and([isCurrentMember(eb), eb('organisations.network_role', '=', filters.role)]),
    );
  }
  if (filters.unar === 'yes')
    conditions.push(eb('organisations.unar_protocol_signed_on', 'is not', null));
  if (filters.unar === 'no')
    conditions.push(eb('organisations.unar_protocol_signed_on', 'is', null));
  const municipality = filters.municipality;
  if (municipality) {
    conditions.push(
      eb.or([
        eb('organisations.municipality_code', '=', municipality),
        eb(
          'organisations.id',
          'in',
          eb
            .selectFrom('organisation_territories')
            .select('organisation_territories.organisation_id')
            .where('organisation_territories.municipality_code', '=', municipality),
        ),
      ]),
    );
  }
  return eb.and(conditions);
}
