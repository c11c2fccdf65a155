import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import {
  exportHeaders,
  exportRows,
  italianCsvText,
  type ExportedOrganisation,
} from '../../core/network-import/export-rows.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import {
  organisationFilter,
  type OrganisationFilters,
} from '../organisations/organisation-filters.ts';

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
  }));
}

/** CSV as Italian Excel opens it: `;`, UTF-8 with BOM, CRLF, dates dd/mm/yyyy, decimal comma. */
export function directoryCsv(
  organisations: readonly ExportedOrganisation[],
  locale: Locale,
): Buffer {
  const rows = exportRows(organisations, locale).map((row) => row.map(italianCsvText));
  const text = stringify([exportHeaders(locale), ...rows], {
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
    quoted_match: /[\r\n]/,
  });
  return Buffer.from(text, 'utf8');
}

const columnWidths = [40, 24, 24, 12, 36, 8, 32, 18, 32, 16, 14, 16, 10, 12, 12, 60];

/** XLSX with a bold, frozen header row, typed date and number cells and column widths. */
export async function directoryXlsx(
  organisations: readonly ExportedOrganisation[],
  locale: Locale,
): Promise<Buffer> {
  const header: Row = exportHeaders(locale).map((title) => ({ value: title, fontWeight: 'bold' }));
  const rows: Row[] = exportRows(organisations, locale).map((row) =>
    row.map((value): Cell => {
      if (value === null) return null;
      if (typeof value === 'number') return { value, type: Number };
      if (typeof value === 'object') {
        return { value: new Date(`${value.date}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' };
      }
      return { value, type: String };
    }),
  );
  return writeXlsxFile([header, ...rows], {
    sheet: locale === 'it' ? 'Organizzazioni' : 'Organisations',
    columns: columnWidths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBuffer();
}
