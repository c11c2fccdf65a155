import { exportHeader, importFields, type ImportField } from './columns.ts';
import type { OrganisationValues } from './parse-rows.ts';
import { formatItalianDate, formulaStart, kindLabel, roleLabel, statusLabel } from './values.ts';

export interface ExportedOrganisation extends OrganisationValues {
  id: string;
  name: string;
  municipalityName: string | null;
}

/** A value for a spreadsheet cell: text, a number, or a calendar date ('YYYY-MM-DD'). */
export type ExportValue = string | number | { date: string } | null;

export function exportHeaders(locale: 'it' | 'en'): string[] {
  return importFields.map((field) => exportHeader(field, locale));
}

function valueOf(
  organisation: ExportedOrganisation,
  field: ImportField,
  locale: 'it' | 'en',
): ExportValue {
  switch (field) {
    case 'name':
      return organisation.name;
    case 'kind':
      return kindLabel(organisation.kind, locale);
    case 'municipality':
      return organisation.municipalityName;
    case 'municipalityCode':
      return organisation.municipalityCode;
    case 'networkRole':
      return organisation.networkRole ? roleLabel(organisation.networkRole, locale) : null;
    case 'networkJoinedOn':
      return organisation.networkJoinedOn ? { date: organisation.networkJoinedOn } : null;
    case 'unarProtocol':
      return organisation.unarProtocolSignedOn ? { date: organisation.unarProtocolSignedOn } : 'no';
    case 'status':
      return statusLabel(organisation.status, locale);
    case 'address':
    case 'postalCode':
    case 'email':
    case 'phone':
    case 'website':
    case 'latitude':
    case 'longitude':
    case 'description':
      return organisation[field];
  }
}

/** The directory as rows of typed values, the columns being those the import reads. */
export function exportRows(
  organisations: readonly ExportedOrganisation[],
  locale: 'it' | 'en',
): ExportValue[][] {
  return organisations.map((organisation) =>
    importFields.map((field) => valueOf(organisation, field, locale)),
  );
}

/**
 * A value as Italian Excel reads it from CSV: dates dd/mm/yyyy, decimals with a comma, and text
 * that a spreadsheet would run as a formula ("=…", "+39…") kept as text with a leading '.
 */
export function italianCsvText(value: ExportValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'object') return formatItalianDate(value.date);
  return formulaStart.test(value) ? `'${value}` : value;
}
