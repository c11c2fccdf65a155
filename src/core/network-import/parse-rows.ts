import type { NetworkRole, OrganisationKind } from '../../db/schema.ts';
import { toSearchName } from '../search-name.ts';
import { mapColumns, type ColumnMap, type ImportField } from './columns.ts';
import type { Table } from './table.ts';
import {
  cellMultilineText,
  cellText,
  parseDate,
  parseDigits,
  parseEmail,
  parseKind,
  parsePhone,
  parseRole,
  readSharedFields,
  parseWebsite,
  parseYesNo,
  type Cell,
} from './values.ts';

/** The organisation fields an import may set (blank cells leave a field as it is). */
export interface OrganisationValues {
  kind: OrganisationKind;
  municipalityCode: string | null;
  address: string | null;
  postalCode: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  networkRole: NetworkRole | null;
  networkJoinedOn: string | null;
  unarProtocolSignedOn: string | null;
  status: 'active' | 'inactive';
  latitude: number | null;
  longitude: number | null;
  description: string | null;
}
export type ValueField = keyof OrganisationValues;

export interface ParsedRow {
  row: number;
  name: string;
  values: Partial<OrganisationValues>;
  /** "sì" in the UNAR column: signed, date not given. */
  unarSignedWithoutDate: boolean;
  /** The ISTAT codes the organisation covers, sorted; undefined leaves them as they are. */
  territories?: string[];
  /** Names of the organisations it refers people to; undefined leaves the links as they are. */
  refersTo?: string[];
}

/** Why a row is not imported; `reason` is a message key under `import.reason.`. */
export interface Rejection {
  row: number;
  column: string;
  reason: string;
  params?: Record<string, string | number>;
  /** The sheet of a workbook the row is on, when the file has several. */
  sheet?: string;
}

export interface MunicipalityRef {
  code: string;
  name: string;
  regionCode: string;
}

/** How a municipality typed in a survey is compared: "Citta' di Castello" = "Città di Castello". */
export function municipalityKey(text: string): string {
  return toSearchName(text.replace(/[\u2018\u2019`]/g, "'")).replace(/([aeiou])'(?=\s|$)/g, '$1');
}

export type MunicipalityMatch =
  | { code: string }
  | { error: 'unknown_municipality' }
  | { error: 'ambiguous_municipality'; candidates: string };

/** Municipalities by ISTAT code and by name, names looked up first in the network's region. */
export class MunicipalityIndex {
  readonly #byCode = new Map<string, MunicipalityRef>();
  readonly #byName = new Map<string, MunicipalityRef[]>();
  readonly #regionCode: string | null;

  constructor(municipalities: readonly MunicipalityRef[], regionCode: string | null) {
    this.#regionCode = regionCode;
    for (const municipality of municipalities) {
      this.#byCode.set(municipality.code, municipality);
      const key = municipalityKey(municipality.name);
      this.#byName.set(key, [...(this.#byName.get(key) ?? []), municipality]);
    }
  }

  has(code: string): boolean {
    return this.#byCode.has(code);
  }

  nameOf(code: string): string | null {
    return this.#byCode.get(code)?.name ?? null;
  }

  resolve(cell: Cell): MunicipalityMatch {
    const digits = parseDigits(cell, 6);
    if (digits !== null)
      return this.#byCode.has(digits) ? { code: digits } : { error: 'unknown_municipality' };
    const all = this.#byName.get(municipalityKey(cellText(cell))) ?? [];
    const inRegion = all.filter((municipality) => municipality.regionCode === this.#regionCode);
    const found = inRegion.length > 0 ? inRegion : all;
    if (found.length === 1) return { code: found[0]!.code };
    if (found.length === 0) return { error: 'unknown_municipality' };
    return {
      error: 'ambiguous_municipality',
      candidates: found.map((municipality) => municipality.code).join(', '),
    };
  }
}

/** Words that empty a list column (a blank cell leaves the list as it is). */
const noneWords = new Set(['-', 'nessuno', 'nessuna', 'none']);

export function isNoneWord(text: string): boolean {
  return noneWords.has(toSearchName(text));
}

/**
 * A list of municipalities in one cell: names or ISTAT codes separated by `,` `|` `;` or line
 * breaks, also "Name (ISTAT code)" as the export writes names that are ambiguous. Answers the
 * sorted codes, or the first token that cannot be resolved.
 */
export function parseMunicipalityList(
  cell: Cell,
  municipalities: MunicipalityIndex,
):
  | { codes: string[] }
  | {
      error: 'unknown_municipality' | 'ambiguous_municipality';
      value: string;
      candidates?: string;
    } {
  const text = typeof cell === 'number' ? String(cell) : cellMultilineText(cell);
  if (isNoneWord(text)) return { codes: [] };
  const codes = new Set<string>();
  for (const token of text.split(/[,|;\n]+/)) {
    const value = cellText(token);
    if (value === '') continue;
    const withCode = /^(.*?)\s*\((\d{1,6})\)$/.exec(value);
    const match = municipalities.resolve(
      withCode ? withCode[2]! : typeof cell === 'number' ? cell : value,
    );
    if (!('code' in match)) {
      return match.error === 'ambiguous_municipality'
        ? { error: match.error, value, candidates: match.candidates }
        : { error: match.error, value };
    }
    if (
      withCode &&
      withCode[1] !== '' &&
      municipalityKey(withCode[1]!) !== municipalityKey(municipalities.nameOf(match.code) ?? '')
    ) {
      return { error: 'unknown_municipality', value };
    }
    codes.add(match.code);
  }
  return { codes: [...codes].sort() };
}

/** Names in one cell separated by `|` `;` or line breaks (not commas: "Caritas, Livorno"). */
export function parseNameList(cell: Cell): string[] {
  const text = cellMultilineText(cell);
  if (isNoneWord(text)) return [];
  return text
    .split(/[|;\n]+/)
    .map((name) => cellText(name))
    .filter((name) => name !== '');
}

export interface ParsedTable {
  columns: ColumnMap;
  rows: ParsedRow[];
  rejected: Rejection[];
}

export class MissingNameColumnError extends Error {}

/** Reads and checks each row of a survey; every problem is reported with its row and column. */
export function parseRows(
  table: Table,
  municipalities: MunicipalityIndex,
  today: string,
): ParsedTable {
  const columns = mapColumns(table.headers);
  if (!columns.fields.has('name')) throw new MissingNameColumnError('name');
  const rows: ParsedRow[] = [];
  const rejected: Rejection[] = [];

  for (const { row, cells } of table.rows) {
    const problems: Rejection[] = [];
    const reject = (field: ImportField, reason: string, params?: Record<string, string | number>) =>
      problems.push({
        row,
        column: columns.headers.get(field) ?? field,
        reason,
        ...(params ? { params } : {}),
      });
    const cell = (field: ImportField): Cell => {
      const index = columns.fields.get(field);
      return index === undefined ? null : cells[index];
    };
    const text = (field: ImportField) => cellText(cell(field));
    const values: Partial<OrganisationValues> = {};
    let unarSignedWithoutDate = false;

    const name = text('name');
    if (name === '') reject('name', 'required');
    else if (name.length > 300) reject('name', 'too_long', { max: 300 });

    const kind = text('kind');
    if (kind !== '') {
      const parsed = parseKind(kind);
      if (parsed) values.kind = parsed;
      else reject('kind', 'unknown_kind', { value: kind });
    }

    const codeText = text('municipalityCode');
    const nameText = text('municipality');
    if (codeText !== '') {
      const match = municipalities.resolve(cell('municipalityCode'));
      if ('code' in match) {
        values.municipalityCode = match.code;
        if (
          nameText !== '' &&
          municipalityKey(nameText) !== municipalityKey(municipalities.nameOf(match.code) ?? '')
        ) {
          reject('municipality', 'municipality_mismatch', { value: nameText, code: match.code });
        }
      } else reject('municipalityCode', 'unknown_municipality', { value: codeText });
    } else if (nameText !== '') {
      const match = municipalities.resolve(cell('municipality'));
      if ('code' in match) values.municipalityCode = match.code;
      else if (match.error === 'ambiguous_municipality') {
        reject('municipality', match.error, { value: nameText, candidates: match.candidates });
      } else reject('municipality', match.error, { value: nameText });
    }

    const address = text('address');
    if (address.length > 500) reject('address', 'too_long', { max: 500 });
    else if (address !== '') values.address = address;

    if (text('postalCode') !== '') {
      const postalCode = parseDigits(cell('postalCode'), 5);
      if (postalCode && postalCode.length === 5 && postalCode !== '00000')
        values.postalCode = postalCode;
      else reject('postalCode', 'bad_postal_code', { value: text('postalCode') });
    }

    const email = text('email');
    if (email !== '') {
      const parsed = parseEmail(email);
      if (parsed) values.email = parsed;
      else reject('email', 'bad_email', { value: email });
    }

    const phone = text('phone');
    if (phone !== '') {
      const parsed = parsePhone(phone);
      if (parsed) values.phone = parsed;
      else reject('phone', 'bad_phone', { value: phone });
    }

    const website = text('website');
    if (website !== '') {
      const parsed = parseWebsite(website);
      if (parsed) values.website = parsed;
      else reject('website', 'bad_website', { value: website });
    }

    const role = text('networkRole');
    if (role !== '') {
      const parsed = parseRole(role);
      if (parsed) values.networkRole = parsed;
      else reject('networkRole', 'unknown_role', { value: role });
    }

    if (text('networkJoinedOn') !== '') {
      const date = parseDate(cell('networkJoinedOn'));
      if (!date) reject('networkJoinedOn', 'bad_date', { value: text('networkJoinedOn') });
      else if (date > today)
        reject('networkJoinedOn', 'future_date', { value: text('networkJoinedOn') });
      else values.networkJoinedOn = date;
    }

    const unar = text('unarProtocol');
    if (unar !== '') {
      const answer = parseYesNo(unar);
      const date = answer === null ? parseDate(cell('unarProtocol')) : null;
      if (answer === false) values.unarProtocolSignedOn = null;
      else if (answer === true) unarSignedWithoutDate = true;
      else if (!date) reject('unarProtocol', 'bad_protocol', { value: unar });
      else if (date > today) reject('unarProtocol', 'future_date', { value: unar });
      else values.unarProtocolSignedOn = date;
    }

    readSharedFields(cell, reject, values);

    let territories: string[] | undefined;
    if (text('territories') !== '') {
      const list = parseMunicipalityList(cell('territories'), municipalities);
      if ('codes' in list) territories = list.codes;
      else {
        reject('territories', list.error, {
          value: list.value,
          ...(list.candidates ? { candidates: list.candidates } : {}),
        });
      }
    }

    let refersTo: string[] | undefined;
    if (text('refersTo') !== '') {
      refersTo = parseNameList(cell('refersTo'));
      if (refersTo.some((target) => target.length > 300)) {
        reject('refersTo', 'too_long', { max: 300 });
      }
    }

    if (problems.length > 0) rejected.push(...problems);
    else {
      rows.push({
        row,
        name,
        values,
        unarSignedWithoutDate,
        ...(territories ? { territories } : {}),
        ...(refersTo ? { refersTo } : {}),
      });
    }
  }
  return { columns, rows, rejected };
}
