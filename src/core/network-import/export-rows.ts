import { exportHeader, importFields, type ImportField } from './columns.ts';
import type { MunicipalityIndex, OrganisationValues } from './parse-rows.ts';
import { formatItalianDate, formulaStart, kindLabel, roleLabel, statusLabel } from './values.ts';

export interface ExportedOrganisation extends OrganisationValues {
  id: string;
  name: string;
  municipalityName: string | null;
  /** ISTAT codes of the territories it covers. */
  territories: string[];
  /** Names of the organisations it refers people to. */
  referralsTo: string[];
}

/**
 * Municipalities as the import reads them back: the name where it finds that one municipality
 * (in the network's region first), "Name (ISTAT code)" where the name is ambiguous.
 */
export function municipalityListText(
  codes: readonly string[],
  municipalities: MunicipalityIndex,
): string {
  return codes
    .map((code) => {
      const name = municipalities.nameOf(code);
      if (name === null) return code;
      const match = municipalities.resolve(name);
      return 'code' in match && match.code === code ? name : `${name} (${code})`;
    })
    .join(', ');
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
  municipalities: MunicipalityIndex,
): ExportValue {
  switch (field) {
    case 'territories':
      return organisation.territories.length > 0
        ? municipalityListText(organisation.territories, municipalities)
        : null;
    case 'refersTo':
      return organisation.referralsTo.length > 0 ? organisation.referralsTo.join(' | ') : null;
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
  municipalities: MunicipalityIndex,
): ExportValue[][] {
  return organisations.map((organisation) =>
    importFields.map((field) => valueOf(organisation, field, locale, municipalities)),
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
