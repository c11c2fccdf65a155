import type { Kysely } from 'kysely';
import type { MasterKeys } from '../../core/envelope.ts';
import { can, canManageOrganisation, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { presentSummary, summaryQuery } from './organisation-summary.ts';
import type { OrganisationDetail } from './schemas.ts';
import { canReadUnarProtocol, describeUnarProtocol } from './unar-protocol-document.ts';

type HelpDeskRow = {
  id: string;
  name: string;
  organisation_id: string;
  municipality_code: string;
  municipality_name: string;
  status: 'active' | 'inactive';
  services: string[];
  languages: string[];
  channels: string[];
  access_mode: 'appointment' | 'walk_in' | 'both';
};

/** The whole organisation as the back office shows it, with what the actor may do to it. */
export async function loadOrganisation(
  db: Kysely<DB>,
  id: string,
  actor: Actor,
  keys: MasterKeys,
): Promise<OrganisationDetail | undefined> {
  const row = await summaryQuery(db)
    .select([
      'organisations.description',
      'organisations.website',
      'organisations.email',
      'organisations.phone',
      'organisations.address',
      'organisations.postal_code',
      'organisations.latitude',
      'organisations.longitude',
      'organisations.network_left_on',
      'organisations.unar_protocol_reference',
      'organisations.unar_protocol_file_id',
      'organisations.created_at',
      'organisations.updated_at',
    ])
    .where('organisations.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;

  const [territories, referralsTo, referralsFrom, helpDesks, unarProtocolDocument] =
    await Promise.all([
      db
        .selectFrom('organisation_territories')
        .innerJoin(
          'municipalities',
          'municipalities.istat_code',
          'organisation_territories.municipality_code',
        )
        .select([
          'municipalities.istat_code as code',
          'municipalities.name',
          'municipalities.province_acronym as provinceAcronym',
        ])
        .where('organisation_territories.organisation_id', '=', id)
        .orderBy('municipalities.search_name')
        .orderBy('municipalities.istat_code')
        .execute(),
      db
        .selectFrom('referral_links')
        .innerJoin('organisations', 'organisations.id', 'referral_links.to_organisation_id')
        .select([
          'organisations.id as organisationId',
          'organisations.name',
          'referral_links.description',
        ])
        .where('referral_links.from_organisation_id', '=', id)
        .orderBy('organisations.search_name')
        .orderBy('organisations.id')
        .execute(),
      db
        .selectFrom('referral_links')
        .innerJoin('organisations', 'organisations.id', 'referral_links.from_organisation_id')
        .select([
          'organisations.id as organisationId',
          'organisations.name',
          'referral_links.description',
        ])
        .where('referral_links.to_organisation_id', '=', id)
        .orderBy('organisations.search_name')
        .orderBy('organisations.id')
        .execute(),
      db
        .selectFrom('help_desks')
        .innerJoin('municipalities', 'municipalities.istat_code', 'help_desks.municipality_code')
        .select([
          'help_desks.id',
          'help_desks.name',
          'help_desks.organisation_id',
          'help_desks.municipality_code',
          'municipalities.name as municipality_name',
          'help_desks.status',
          'help_desks.services',
          'help_desks.languages',
          'help_desks.channels',
          'help_desks.access_mode',
        ])
        .where('help_desks.organisation_id', '=', id)
        .orderBy('help_desks.search_name')
        .orderBy('help_desks.id')
        .execute(),
      describeUnarProtocol(db, keys, row.unar_protocol_file_id),
    ]);

  return {
    ...presentSummary(row),
    description: row.description,
    website: row.website,
    email: row.email,
    phone: row.phone,
    address: row.address,
    postalCode: row.postal_code,
    latitude: row.latitude,
    longitude: row.longitude,
    networkLeftOn: row.network_left_on,
    unarProtocolReference: row.unar_protocol_reference,
    unarProtocolDocument,
    territories,
    referralsTo,
    referralsFrom,
    helpDesks: helpDesks.map((desk: HelpDeskRow) => ({
      id: desk.id,
      name: desk.name,
      organisationId: desk.organisation_id,
      organisationName: row.organisation_name,
      municipalityCode: desk.municipality_code,
      municipalityName: desk.municipality_name,
      status: desk.status,
      services: desk.services,
      languages: desk.languages,
      channels: desk.channels,
      accessMode: desk.access_mode,
    })),
    canEdit: can(actor, 'network.edit') && canManageOrganisation(actor, id),
    canManageMembership: can(actor, 'network.manage'),
    canDownloadUnarProtocol: canReadUnarProtocol(actor, id),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
