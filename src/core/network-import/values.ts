import type { NetworkRole, OrganisationKind } from '../../db/schema.ts';
import { headerKey } from './columns.ts';

/** A cell as read: CSV gives text, XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null | undefined;

const kindLabels: Record<OrganisationKind, string[]> = {
  municipality: ['Comune', 'municipality', 'municipio'],
  union_of_municipalities: [
    'Unione di comuni',
    'unione dei comuni',
    'unione comuni',
    'union of municipalities',
  ],
  region: ['Regione', 'region'],
  association: ['Associazione', 'association', 'cooperativa', 'sindacato', 'ong', 'odv', 'aps'],
  help_desk: ['Sportello', 'help desk', 'sportello antidiscriminazione'],
  university: ['Università', 'university', 'centro di ricerca', 'research centre', 'ateneo'],
  health_social_consortium: [
    'Consorzio socio-sanitario',
    'consorzio',
    'societa della salute',
    'health and social services consortium',
    'health social consortium',
  ],
  equality_body: ['Organismo di parità', 'equality body', 'unar'],
  other_public_body: ['Altro ente pubblico', 'ente pubblico', 'other public body'],
};
const roleLabels: Record<NetworkRole, string[]> = {
  lead_partner: ['Capofila', 'lead partner', 'ente capofila'],
  partner: ['Partner'],
  node: ['Nodo', 'node'],
  antenna: ['Antenna'],
  associate: ['Associato', 'associate', 'socio', 'aderente'],
};
const kindEnglish: Record<OrganisationKind, string> = {
  municipality: 'Municipality',
  union_of_municipalities: 'Union of municipalities',
  region: 'Region',
  association: 'Association',
  help_desk: 'Help desk',
  university: 'University',
  health_social_consortium: 'Health and social services consortium',
  equality_body: 'Equality body',
  other_public_body: 'Other public body',
};
const roleEnglish: Record<NetworkRole, string> = {
  lead_partner: 'Lead partner',
  partner: 'Partner',
  node: 'Node',
  antenna: 'Antenna',
  associate: 'Associate',
};

function lookup<T extends string>(labels: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, names] of Object.entries(labels) as [T, string[]][]) {
    map.set(headerKey(code), code);
    for (const name of names) map.set(headerKey(name), code);
  }
  return map;
}
const kindByLabel = lookup(kindLabels);
const roleByLabel = lookup(roleLabels);

export function parseKind(text: string): OrganisationKind | null {
  return kindByLabel.get(headerKey(text)) ?? null;
}
export function parseRole(text: string): NetworkRole | null {
  return roleByLabel.get(headerKey(text)) ?? null;
}
export function kindLabel(kind: OrganisationKind, locale: 'it' | 'en'): string {
  return locale === 'it' ? kindLabels[kind][0]! : kindEnglish[kind];
}
export function roleLabel(role: NetworkRole, locale: 'it' | 'en'): string {
  return locale === 'it' ? roleLabels[role][0]! : roleEnglish[role];
}

const yes = new Set(['si', 'sì', 'yes', 'y', 's', 'x', 'true', 'firmato', 'signed'].map(headerKey));
const no = new Set(['no', 'n', 'false', 'non firmato', 'not signed'].map(headerKey));

export function parseYesNo(text: string): boolean | null {
  const key = headerKey(text);
  if (yes.has(key)) return true;
  if (no.has(key)) return false;
  return null;
}

const statusByLabel = new Map<string, 'active' | 'inactive'>(
  (
    [
      ['attivo', 'active'],
      ['attiva', 'active'],
      ['active', 'active'],
      ['inattivo', 'inactive'],
      ['inattiva', 'inactive'],
      ['inactive', 'inactive'],
      ['cessato', 'inactive'],
    ] as const
  ).map(([label, status]) => [headerKey(label), status]),
);
export function parseStatus(text: string): 'active' | 'inactive' | null {
  return statusByLabel.get(headerKey(text)) ?? null;
}
export function statusLabel(status: 'active' | 'inactive', locale: 'it' | 'en'): string {
  if (locale === 'en') return status === 'active' ? 'Active' : 'Inactive';
  return status === 'active' ? 'Attivo' : 'Inattivo';
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    year > 2999 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** Excel's day zero for serial dates (1899-12-30, counting its 1900 leap-year bug). */
const excelEpoch = Date.UTC(1899, 11, 30);

/** A date cell as 'YYYY-MM-DD': dd/mm/yyyy (also with - or .), yyyy-mm-dd, a date cell or an Excel serial. */
export function parseDate(cell: Cell): string | null {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 400_000) return null;
    return new Date(excelEpoch + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(cell);
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

/** 'YYYY-MM-DD' as Italians write it. */
export function formatItalianDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** Characters that make a spreadsheet read a cell as a formula; the export escapes them with '. */
export const formulaStart = /^[=+\-@\t\r]/;

/**
 * PostgreSQL text cannot hold NUL, and no field needs control characters: they become spaces,
 * except line breaks and tabs where free text may span lines.
 */
function withoutControlCharacters(text: string, keepLineBreaks: boolean): string {
  let result = '';
  for (const character of text) {
    const code = character.charCodeAt(0);
    const control = code < 32 || code === 127;
    const kept = keepLineBreaks && (code === 9 || code === 10);
    result += control && !kept ? ' ' : character;
  }
  return result;
}

/** A cell as trimmed text: spaces collapsed, non-breaking spaces and typographic apostrophes made plain. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return parseDate(cell) ?? '';
  let text = withoutControlCharacters(String(cell), false)
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (text.startsWith("'") && formulaStart.test(text.slice(1))) text = text.slice(1);
  return text;
}

/** Free text that may span lines: line endings made plain, surrounding space trimmed. */
export function cellMultilineText(cell: Cell): string {
  if (cell === null || cell === undefined || cell instanceof Date) return cellText(cell);
  const text = withoutControlCharacters(String(cell).replace(/\r\n?/g, '\n'), true).trim();
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}

/** A decimal written with a comma or a point. */
export function parseDecimal(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = cellText(cell).replace(',', '.');
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** Digits of a code that a spreadsheet may have turned into a number (CAP "00100" → 100). */
export function parseDigits(cell: Cell, length: number): string | null {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell).replace(/\s/g, '');
  if (!/^\d+$/.test(text) || text.length > length) return null;
  return text.padStart(length, '0');
}

/** An e-mail address as written (a "mailto:" prefix dropped). */
export function parseEmail(text: string): string | null {
  const email = text.replace(/^mailto:/i, '');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 320 ? email : null;
}

/** A website, with https:// added when the survey wrote just "www.example.it". */
export function parseWebsite(text: string): string | null {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
      return null;
    }
    return candidate.length <= 500 ? candidate : null;
  } catch {
    return null;
  }
}

/** A phone number in the form the directory accepts (as `PATCH /api/organisations/:id` checks it). */
export function parsePhone(text: string): string | null {
  return /^\+?[0-9][0-9 ./()-]{4,29}$/.test(text) ? text : null;
}

/** The fields organisations and help desks share in their sheets, read and checked alike. */
type SharedField = 'status' | 'latitude' | 'longitude' | 'description';

interface SharedValues {
  status?: 'active' | 'inactive';
  latitude?: number | null;
  longitude?: number | null;
  description?: string | null;
}

export function readSharedFields(
  cell: (field: SharedField) => Cell,
  reject: (field: SharedField, reason: string, params?: Record<string, string | number>) => void,
  values: SharedValues,
): void {
  const status = cellText(cell('status'));
  if (status !== '') {
    const parsed = parseStatus(status);
    if (parsed) values.status = parsed;
    else reject('status', 'unknown_status', { value: status });
  }
  const latitudeText = cellText(cell('latitude'));
  const longitudeText = cellText(cell('longitude'));
  if (latitudeText !== '' || longitudeText !== '') {
    const latitude = parseDecimal(cell('latitude'));
    const longitude = parseDecimal(cell('longitude'));
    if (latitude === null || latitude < -90 || latitude > 90) {
      reject('latitude', 'bad_coordinate', { value: latitudeText });
    } else if (longitude === null || longitude < -180 || longitude > 180) {
      reject('longitude', 'bad_coordinate', { value: longitudeText });
    } else {
      values.latitude = latitude;
      values.longitude = longitude;
    }
  }
  const description = cellMultilineText(cell('description'));
  if (description.length > 5000) reject('description', 'too_long', { max: 5000 });
  else if (description !== '') values.description = description;
}
