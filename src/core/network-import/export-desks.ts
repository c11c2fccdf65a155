import { formatWeeklyHoursText } from '../opening-hours-text.ts';
import type { DeskState } from './desk-plan.ts';
import { deskColumns, deskFields, type DeskField } from './desk-rows.ts';
import { codeLabel, languageLabel } from './desk-values.ts';
import { municipalityListText, type ExportValue } from './export-rows.ts';
import type { MunicipalityIndex } from './parse-rows.ts';
import { statusLabel } from './values.ts';

export interface ExportedHelpDesk extends DeskState {
  id: string;
  name: string;
  organisationName: string;
  municipalityName: string | null;
}

export function deskExportHeaders(locale: 'it' | 'en'): string[] {
  return deskFields.map((field) => deskColumns.exportHeader(field, locale));
}

function valueOf(
  desk: ExportedHelpDesk,
  field: DeskField,
  locale: 'it' | 'en',
  municipalities: MunicipalityIndex,
): ExportValue {
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : null);
  switch (field) {
    case 'name':
      return desk.name;
    case 'organisation':
      return desk.organisationName;
    case 'municipality':
      return desk.municipalityName;
    case 'channels':
    case 'services':
    case 'accessibility':
      return list(desk[field].map((code) => codeLabel(field, code, locale)));
    case 'languages':
      return list(desk.languages.map((code) => languageLabel(code, locale)));
    case 'accessMode':
      return codeLabel('accessMode', desk.accessMode, locale);
    case 'openingHours':
      return formatWeeklyHoursText(desk.openingHours.weekly, locale) || null;
    case 'closedOnPublicHolidays':
      return desk.openingHours.closedOnPublicHolidays ? (locale === 'it' ? 'sì' : 'yes') : 'no';
    case 'competentMunicipalities':
      return municipalityListText(desk.competentMunicipalityCodes, municipalities) || null;
    case 'status':
      return statusLabel(desk.status, locale);
    case 'municipalityCode':
    case 'address':
    case 'postalCode':
    case 'phone':
    case 'email':
    case 'website':
    case 'onlineUrl':
    case 'latitude':
    case 'longitude':
    case 'description':
      return desk[field];
  }
}

/** The help desks as rows of typed values, the columns being those the import reads. */
export function deskExportRows(
  desks: readonly ExportedHelpDesk[],
  locale: 'it' | 'en',
  municipalities: MunicipalityIndex,
): ExportValue[][] {
  return desks.map((desk) =>
    deskFields.map((field) => valueOf(desk, field, locale, municipalities)),
  );
}
