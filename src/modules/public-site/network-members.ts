import { isCurrentMember } from '../organisations/organisation-filters.ts';
import type { Kysely } from 'kysely';
import type { DB, NetworkRole, OrganisationKind } from '../../db/schema.ts';

export interface NetworkMember {
  name: string;
  kind: OrganisationKind;
  networkRole: NetworkRole;
  description: string | null;
  website: string | null;
  municipality: { code: string; name: string; provinceAcronym: string } | null;
}

export interface NetworkOverview {
  /** Active members, the lead partner first, then by role and name. */
  members: NetworkMember[];
  leadPartner: NetworkMember | null;
  /** Distinct municipalities where members have their seat. */
  municipalitiesCovered: number;
}

const roleOrder: Record<NetworkRole, number> = {
  lead_partner: 0,
  partner: 1,
  node: 2,
  antenna: 3,
  associate: 4,
};

/**
 * The network as the public sees it: active organisations that hold a role in the network
 * (an organisation recorded without a role has not joined yet). Public data only.
 */
export async function loadNetworkOverview(db: Kysely<DB>): Promise<NetworkOverview> {
  const rows = await db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.istat_code', 'organisations.municipality_code')
    .select([
      'organisations.name',
      'organisations.kind',
      'organisations.network_role',
      'organisations.description',
      'organisations.website',
      'municipalities.istat_code',
      'municipalities.name as municipality_name',
      'municipalities.province_acronym',
    ])
    .where('organisations.status', '=', 'active')
    .where(isCurrentMember)
    .execute();

  const collator = new Intl.Collator('it');
  const members: NetworkMember[] = rows
    .map((row) => ({
      name: row.name,
      kind: row.kind,
      networkRole: row.network_role!,
      description: row.description,
      website: row.website,
      municipality:
        row.istat_code === null
          ? null
          : {
              code: row.istat_code,
              name: row.municipality_name!,
              provinceAcronym: row.province_acronym!,
            },
    }))
    .sort(
      (a, b) =>
        roleOrder[a.networkRole] - roleOrder[b.networkRole] || collator.compare(a.name, b.name),
    );

  const covered = new Set(members.flatMap((member) => member.municipality?.code ?? []));
  return {
    members,
    leadPartner: members.find((member) => member.networkRole === 'lead_partner') ?? null,
    municipalitiesCovered: covered.size,
  };
}

/** Members grouped by kind; the group holding the lead partner comes first, as members do. */
export function groupByKind(members: readonly NetworkMember[]) {
  const groups = new Map<OrganisationKind, NetworkMember[]>();
  for (const member of members) {
    const group = groups.get(member.kind) ?? [];
    group.push(member);
    groups.set(member.kind, group);
  }
  return [...groups].map(([kind, list]) => ({ kind, members: list }));
}
