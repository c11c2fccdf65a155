import type { Kysely } from 'kysely';
import writeXlsxFile from 'write-excel-file/node';
import {
  deskExportHeaders,
  deskExportRows,
  type ExportedHelpDesk,
} from '../../core/network-import/export-desks.ts';
import {
  exportHeaders,
  exportRows,
  type ExportedOrganisation,
} from '../../core/network-import/export-rows.ts';
import type { MunicipalityIndex } from '../../core/network-import/parse-rows.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import {
  organisationFilter,
  type OrganisationFilters,
} from '../organisations/organisation-filters.ts';
import { italianCsv, xlsxRows } from '../spreadsheets/office-files.ts';
import { loadExistingHelpDesks } from './import-context.ts';

export type ExportFilters = OrganisationFilters;

/** The organisations matching the directory's list filters, by name. */
export async function loadDirectory(
  db: Kysely<DB>,
  filters: ExportFilters,
): Promise<ExportedOrganisation[]> {
  let query = db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.istat_code', 'organisations.municipality_code')
    .selectAll('organisations')
    .select('municipalities.name as municipality_name')
    .orderBy('organisations.name')
    .orderBy('organisations.id');
  query = query.where((eb) => organisationFilter(eb, filters));
  const rows = await query.execute();
  const [territoryRows, referralRows] = await Promise.all([
    db
      .selectFrom('organisation_territories')
      .select(['organisation_id', 'municipality_code'])
      .orderBy('municipality_code')
      .execute(),
    db
      .selectFrom('referral_links')
      .innerJoin('organisations', 'organisations.id', 'referral_links.to_organisation_id')
      .select(['referral_links.from_organisation_id', 'organisations.name'])
      .orderBy('organisations.name')
      .execute(),
  ]);
  const territories = new Map<string, string[]>();
  for (const row of territoryRows) {
    territories.set(row.organisation_id, [
      ...(territories.get(row.organisation_id) ?? []),
      row.municipality_code,
    ]);
  }
  const referrals = new Map<string, string[]>();
  for (const row of referralRows) {
    referrals.set(row.from_organisation_id, [
      ...(referrals.get(row.from_organisation_id) ?? []),
      row.name,
    ]);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    address: row.address,
    postalCode: row.postal_code,
    email: row.email,
    phone: row.phone,
    website: row.website,
    networkRole: row.network_role,
    networkJoinedOn: row.network_joined_on,
    unarProtocolSignedOn: row.unar_protocol_signed_on,
    latitude: row.latitude,
    longitude: row.longitude,
    description: row.description,
    territories: territories.get(row.id) ?? [],
    referralsTo: referrals.get(row.id) ?? [],
  }));
}

/** The help desks of the given organisations, by organisation then desk name. */
export async function loadDesksOf(
  db: Kysely<DB>,
  organisations: readonly ExportedOrganisation[],
  municipalities: MunicipalityIndex,
): Promise<ExportedHelpDesk[]> {
  const names = new Map(organisations.map((row) => [row.id, row.name]));
  const desks = (await loadExistingHelpDesks(db)).filter((desk) => names.has(desk.organisationId));
  return desks
    .map((desk) => ({
      ...desk.state,
      id: desk.id,
      name: desk.name,
      organisationName: names.get(desk.organisationId)!,
      municipalityName: municipalities.nameOf(desk.state.municipalityCode),
    }))
    .sort(
      (a, b) =>
        a.organisationName.localeCompare(b.organisationName, 'it') ||
        a.name.localeCompare(b.name, 'it') ||
        a.id.localeCompare(b.id),
    );
}

export function directoryCsv(
  organisations: readonly ExportedOrganisation[],
  locale: Locale,
  municipalities: MunicipalityIndex,
): Buffer {
  return italianCsv(exportHeaders(locale), exportRows(organisations, locale, municipalities));
}

export function helpDesksCsv(
  desks: readonly ExportedHelpDesk[],
  locale: Locale,
  municipalities: MunicipalityIndex,
): Buffer {
  return italianCsv(deskExportHeaders(locale), deskExportRows(desks, locale, municipalities));
}

const columnWidths = [40, 24, 24, 12, 36, 8, 32, 18, 32, 16, 14, 16, 10, 12, 12, 60, 40, 40];
const deskColumnWidths = [
  40, 40, 24, 12, 36, 8, 18, 32, 32, 32, 32, 40, 32, 32, 20, 48, 12, 40, 10, 12, 12, 60,
];

/**
 * XLSX with two sheets, organisations and their help desks, as the import reads them back:
 * bold, frozen header rows, typed date and number cells and column widths.
 */
export async function directoryXlsx(
  organisations: readonly ExportedOrganisation[],
  desks: readonly ExportedHelpDesk[],
  locale: Locale,
  municipalities: MunicipalityIndex,
): Promise<Buffer> {
  return writeXlsxFile([
    {
      data: xlsxRows(exportHeaders(locale), exportRows(organisations, locale, municipalities)),
      sheet: locale === 'it' ? 'Organizzazioni' : 'Organisations',
      columns: columnWidths.map((width) => ({ width })),
      stickyRowsCount: 1,
    },
    {
      data: xlsxRows(deskExportHeaders(locale), deskExportRows(desks, locale, municipalities)),
      sheet: locale === 'it' ? 'Sportelli' : 'Help desks',
      columns: deskColumnWidths.map((width) => ({ width })),
      stickyRowsCount: 1,
    },
  ]).toBuffer();
}
