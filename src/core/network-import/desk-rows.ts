import type { AccessMode } from '../help-desk.ts';
import { parseWeeklyHoursText } from '../opening-hours-text.ts';
import type { WeeklySchedule } from '../opening-hours/types.ts';
import { Columns, type ColumnMap } from './columns.ts';
import { accessModeOf, codeOf, languageOf, listItems, type Vocabulary } from './desk-values.ts';
import {
  municipalityKey,
  parseMunicipalityList,
  type MunicipalityIndex,
  type Rejection,
} from './parse-rows.ts';
import type { Table } from './table.ts';
import {
  cellMultilineText,
  cellText,
  parseDigits,
  parseEmail,
  parsePhone,
  readSharedFields,
  parseWebsite,
  parseYesNo,
  type Cell,
} from './values.ts';

/** The columns of a help-desk sheet, in the order they are exported. */
export const deskFields = [
  'name',
  'organisation',
  'municipality',
  'municipalityCode',
  'address',
  'postalCode',
  'phone',
  'email',
  'website',
  'onlineUrl',
  'channels',
  'services',
  'languages',
  'accessibility',
  'accessMode',
  'openingHours',
  'closedOnPublicHolidays',
  'competentMunicipalities',
  'status',
  'latitude',
  'longitude',
  'description',
] as const;
export type DeskField = (typeof deskFields)[number];

export const deskColumns = new Columns<DeskField>({
  name: { it: ['Sportello', 'nome sportello', 'nome dello sportello'], en: ['Help desk', 'desk'] },
  organisation: {
    it: ['Organizzazione', 'ente titolare', 'ente', 'ente gestore'],
    en: ['Organisation', 'organization', 'managed by'],
  },
  municipality: { it: ['Comune', 'citta', 'comune sede'], en: ['Municipality', 'city', 'town'] },
  municipalityCode: {
    it: ['Codice ISTAT comune', 'codice istat', 'istat'],
    en: ['Municipality ISTAT code', 'istat code', 'municipality code'],
  },
  address: { it: ['Indirizzo', 'sede'], en: ['Address'] },
  postalCode: { it: ['CAP', 'codice postale'], en: ['Postal code', 'postcode', 'zip'] },
  phone: { it: ['Telefono', 'tel'], en: ['Phone', 'telephone'] },
  email: { it: ['Email', 'e-mail', 'posta elettronica'], en: ['Email', 'mail'] },
  website: { it: ['Sito', 'sito web', 'sito internet'], en: ['Website', 'web site', 'url'] },
  onlineUrl: {
    it: ['Link online', 'sportello online', 'prenotazione online', 'indirizzo online'],
    en: ['Online link', 'online url', 'online address'],
  },
  channels: { it: ['Canali', 'canali di contatto'], en: ['Channels', 'contact channels'] },
  services: { it: ['Servizi', 'servizi offerti'], en: ['Services'] },
  languages: { it: ['Lingue', 'lingue parlate'], en: ['Languages', 'languages spoken'] },
  accessibility: { it: ['Accessibilità', 'accessibilita'], en: ['Accessibility'] },
  accessMode: {
    it: ['Accesso', 'modalita di accesso', 'modalità di accesso'],
    en: ['Access', 'access mode'],
  },
  openingHours: {
    it: ['Orari', 'orario', 'orari di apertura', 'orario di apertura'],
    en: ['Opening hours', 'hours'],
  },
  closedOnPublicHolidays: {
    it: ['Chiuso nei festivi', 'chiuso festivi', 'chiuso nei giorni festivi'],
    en: ['Closed on public holidays', 'closed on holidays'],
  },
  competentMunicipalities: {
    it: ['Comuni di competenza', 'comuni competenti', 'competenza territoriale'],
    en: ['Competent municipalities', 'municipalities served'],
  },
  status: { it: ['Stato'], en: ['Status'] },
  latitude: { it: ['Latitudine', 'lat'], en: ['Latitude'] },
  longitude: { it: ['Longitudine', 'lon', 'lng'], en: ['Longitude'] },
  description: { it: ['Descrizione', 'note'], en: ['Description', 'notes'] },
});

/** Is this sheet one of help desks? It names the desk and its organisation. */
export function isDeskSheet(headers: readonly string[]): boolean {
  const fields = deskColumns.map(headers).fields;
  return fields.has('name') && fields.has('organisation');
}

/**
 * A sheet that looks like help desks (their organisation plus channels, hours or access) but
 * names no desk: read as organisations it would create one per desk, so it is refused.
 */
export function isDeskSheetWithoutName(headers: readonly string[]): boolean {
  const fields = deskColumns.map(headers).fields;
  const deskOnly = ['channels', 'accessMode', 'openingHours', 'competentMunicipalities'] as const;
  return (
    !fields.has('name') && fields.has('organisation') && deskOnly.some((field) => fields.has(field))
  );
}

/** Everything an import may set on a help desk except its organisation and name. */
export interface DeskValues {
  description: string | null;
  municipalityCode: string;
  address: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  onlineUrl: string | null;
  channels: string[];
  services: string[];
  languages: string[];
  accessibility: string[];
  accessMode: AccessMode;
  competentMunicipalityCodes: string[];
  status: 'active' | 'inactive';
}

export interface ParsedDeskRow {
  row: number;
  name: string;
  organisation: string;
  values: Partial<DeskValues>;
  /** Weekly hours when the cell is filled; exceptions and local holidays are kept as they are. */
  weekly?: WeeklySchedule;
  closedOnPublicHolidays?: boolean;
}

export interface ParsedDeskTable {
  columns: ColumnMap<DeskField>;
  rows: ParsedDeskRow[];
  rejected: Rejection[];
}

const vocabularyOf: Partial<Record<DeskField, Vocabulary>> = {
  channels: 'channels',
  services: 'services',
  accessibility: 'accessibility',
};

/** Reads and checks each row of a help-desk sheet; problems carry row, column and sheet. */
export function parseDeskRows(
  table: Table,
  municipalities: MunicipalityIndex,
  sheet?: string,
): ParsedDeskTable {
  const columns = deskColumns.map(table.headers);
  const rows: ParsedDeskRow[] = [];
  const rejected: Rejection[] = [];
  for (const { row, cells } of table.rows) {
    const problems: Rejection[] = [];
    const reject = (field: DeskField, reason: string, params?: Record<string, string | number>) =>
      problems.push({
        row,
        column: columns.headers.get(field) ?? field,
        reason,
        ...(params ? { params } : {}),
        ...(sheet ? { sheet } : {}),
      });
    const cell = (field: DeskField): Cell => {
      const index = columns.fields.get(field);
      return index === undefined ? null : cells[index];
    };
    const text = (field: DeskField) => cellText(cell(field));
    const values: Partial<DeskValues> = {};
    const parsed: ParsedDeskRow = { row, name: text('name'), organisation: '', values };

    if (parsed.name === '') reject('name', 'required');
    else if (parsed.name.length > 300) reject('name', 'too_long', { max: 300 });
    parsed.organisation = text('organisation');
    if (parsed.organisation === '') reject('organisation', 'required');

    const codeText = text('municipalityCode');
    const nameText = text('municipality');
    if (codeText !== '' || nameText !== '') {
      const field = codeText !== '' ? 'municipalityCode' : 'municipality';
      const match = municipalities.resolve(cell(field));
      if (!('code' in match)) {
        const value = field === 'municipality' ? nameText : codeText;
        reject(field, match.error, {
          value,
          ...('candidates' in match ? { candidates: match.candidates } : {}),
        });
      } else if (
        field === 'municipalityCode' &&
        nameText !== '' &&
        municipalityKey(nameText) !== municipalityKey(municipalities.nameOf(match.code) ?? '')
      ) {
        reject('municipality', 'municipality_mismatch', { value: nameText, code: match.code });
      } else values.municipalityCode = match.code;
    }

    const address = text('address');
    if (address.length > 500) reject('address', 'too_long', { max: 500 });
    else if (address !== '') values.address = address;
    if (text('postalCode') !== '') {
      const postalCode = parseDigits(cell('postalCode'), 5);
      if (postalCode && postalCode !== '00000') values.postalCode = postalCode;
      else reject('postalCode', 'bad_postal_code', { value: text('postalCode') });
    }
    const phone = text('phone');
    if (phone !== '') {
      if (parsePhone(phone)) values.phone = phone;
      else reject('phone', 'bad_phone', { value: phone });
    }
    const email = text('email');
    if (email !== '') {
      const parsedEmail = parseEmail(email);
      if (parsedEmail) values.email = parsedEmail.toLowerCase();
      else reject('email', 'bad_email', { value: email });
    }
    for (const field of ['website', 'onlineUrl'] as const) {
      const value = text(field);
      if (value === '') continue;
      const url = parseWebsite(value);
      if (url) values[field] = url;
      else reject(field, 'bad_website', { value });
    }

    for (const field of ['channels', 'services', 'accessibility'] as const) {
      const value = text(field);
      if (value === '') continue;
      const codes: string[] = [];
      for (const item of listItems(value)) {
        const code = codeOf(vocabularyOf[field]!, item);
        if (code === null) {
          reject(field, `unknown_${field}`, { value: item });
          break;
        }
        if (!codes.includes(code)) codes.push(code);
      }
      values[field] = codes;
    }
    const languages = text('languages');
    if (languages !== '') {
      const codes: string[] = [];
      for (const item of listItems(languages)) {
        const code = languageOf(item);
        if (code === null) {
          reject('languages', 'unknown_language', { value: item });
          break;
        }
        if (!codes.includes(code)) codes.push(code);
      }
      values.languages = codes;
    }
    const access = text('accessMode');
    if (access !== '') {
      const mode = accessModeOf(access);
      if (mode) values.accessMode = mode;
      else reject('accessMode', 'unknown_access_mode', { value: access });
    }

    const hours = cellMultilineText(cell('openingHours'));
    if (hours !== '') {
      const result = parseWeeklyHoursText(hours);
      if ('weekly' in result) parsed.weekly = result.weekly;
      else reject('openingHours', result.error, { value: result.value });
    }
    const holidays = text('closedOnPublicHolidays');
    if (holidays !== '') {
      const answer = parseYesNo(holidays);
      if (answer === null) reject('closedOnPublicHolidays', 'bad_yes_no', { value: holidays });
      else parsed.closedOnPublicHolidays = answer;
    }

    if (text('competentMunicipalities') !== '') {
      const list = parseMunicipalityList(cell('competentMunicipalities'), municipalities);
      if ('codes' in list) values.competentMunicipalityCodes = list.codes;
      else {
        reject('competentMunicipalities', list.error, {
          value: list.value,
          ...(list.candidates ? { candidates: list.candidates } : {}),
        });
      }
    }

    readSharedFields(cell, reject, values);

    if (problems.length > 0) rejected.push(...problems);
    else rows.push(parsed);
  }
  return { columns, rows, rejected };
}
