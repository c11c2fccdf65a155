import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';

export const organisationListItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  networkRole: z.string().nullable(),
});
export type OrganisationListItem = z.infer<typeof organisationListItem>;

/** Every organisation of the network with the name of its municipality, by name. */
export async function listOrganisations(db: Kysely<DB>): Promise<OrganisationListItem[]> {
  const rows = await db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.istat_code', 'organisations.municipality_code')
    .select([
      'organisations.id',
      'organisations.name',
      'organisations.kind',
      'organisations.municipality_code',
      'municipalities.name as municipality_name',
      'organisations.status',
      'organisations.network_role',
    ])
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    status: row.status,
    networkRole: row.network_role,
  }));
}
