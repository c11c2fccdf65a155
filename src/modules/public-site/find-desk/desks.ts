import type { Kysely } from 'kysely';
import { DEFAULT_TIME_ZONE, type OpeningHours } from '../../../core/opening-hours.ts';
import { toSearchName } from '../../../core/search-name.ts';
import type { DB } from '../../../db/schema.ts';

/** What the public may know about a help desk: nothing here is personal data. */
export interface PublicDesk {
  id: string;
  name: string;
  description: string | null;
  organisation: { name: string; website: string | null };
  municipality: { code: string; name: string; provinceAcronym: string; provinceCode: string };
  address: string | null;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  onlineUrl: string | null;
  channels: string[];
  services: string[];
  languages: string[];
  accessibility: string[];
  accessMode: 'appointment' | 'walk_in' | 'both';
  /** Null when the stored value is not a schedule this page can read. */
  hours: OpeningHours | null;
}

export const deskTimeZone = DEFAULT_TIME_ZONE;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isDeskId(value: string): boolean {
  return uuidPattern.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The stored schedule, checked for the shape the opening-hours functions read. Written by the
 * back office after validation; anything else is shown as "hours not available", never a 500.
 */
export function readOpeningHours(stored: unknown): OpeningHours | null {
  let value: unknown = stored;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isRecord(value) || !isRecord(value['weekly']) || !Array.isArray(value['exceptions'])) {
    return null;
  }
  const time = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
  const intervalsOk = (list: unknown) =>
    Array.isArray(list) &&
    list.every(
      (item) =>
        isRecord(item) &&
        typeof item['opens'] === 'string' &&
        typeof item['closes'] === 'string' &&
        time.test(item['opens']) &&
        time.test(item['closes']),
    );
  if (!Object.values(value['weekly']).every(intervalsOk)) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const exceptionsOk = value['exceptions'].every(
    (item) =>
      isRecord(item) &&
      typeof item['date'] === 'string' &&
      date.test(item['date']) &&
      (item['closed'] === true || intervalsOk(item['intervals'])),
  );
  if (!exceptionsOk) return null;
  return {
    weekly: value['weekly'],
    exceptions: value['exceptions'] as OpeningHours['exceptions'],
    closedOnPublicHolidays: value['closedOnPublicHolidays'] === true,
    localHolidays: Array.isArray(value['localHolidays'])
      ? value['localHolidays'].filter((item): item is string => typeof item === 'string')
      : [],
  };
}

/** Active desks of active organisations, with their seat; the base of every public query. */
function activeDesks(db: Kysely<DB>) {
  return db
    .selectFrom('help_desks')
    .innerJoin('organisations', 'organisations.id', 'help_desks.organisation_id')
    .innerJoin('municipalities', 'municipalities.istat_code', 'help_desks.municipality_code')
    .where('help_desks.status', '=', 'active')
    .where('organisations.status', '=', 'active');
}

async function loadDesks(db: Kysely<DB>, ids: readonly string[] | 'all'): Promise<PublicDesk[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  let query = activeDesks(db).select([
    'help_desks.id',
    'help_desks.name',
    'help_desks.description',
    'organisations.name as organisation_name',
    'organisations.website as organisation_website',
    'municipalities.istat_code',
    'municipalities.name as municipality_name',
    'municipalities.province_acronym',
    'municipalities.province_code',
    'help_desks.address',
    'help_desks.postal_code',
    'help_desks.phone',
    'help_desks.email',
    'help_desks.website',
    'help_desks.online_url',
    'help_desks.channels',
    'help_desks.services',
    'help_desks.languages',
    'help_desks.accessibility',
    'help_desks.access_mode',
    'help_desks.opening_hours',
  ]);
  if (ids !== 'all') query = query.where('help_desks.id', 'in', [...ids]);
  const rows = await query.execute();
  const collator = new Intl.Collator('it');
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      organisation: { name: row.organisation_name, website: row.organisation_website },
      municipality: {
        code: row.istat_code,
        name: row.municipality_name,
        provinceAcronym: row.province_acronym,
        provinceCode: row.province_code,
      },
      address: row.address,
      postalCode: row.postal_code,
      phone: row.phone,
      email: row.email,
      website: row.website,
      onlineUrl: row.online_url,
      channels: row.channels,
      services: row.services,
      languages: row.languages,
      accessibility: row.accessibility,
      accessMode: row.access_mode,
      hours: readOpeningHours(row.opening_hours),
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

export function loadAllDesks(db: Kysely<DB>): Promise<PublicDesk[]> {
  return loadDesks(db, 'all');
}

/** One public desk, or undefined when it does not exist or is not public (inactive). */
export async function loadDesk(db: Kysely<DB>, id: string): Promise<PublicDesk | undefined> {
  if (!isDeskId(id)) return undefined;
  return (await loadDesks(db, [id]))[0];
}

export interface PlaceMatch {
  code: string;
  name: string;
  provinceAcronym: string;
  provinceCode: string;
  provinceName: string;
}

/**
 * The municipalities meant by what was typed: an ISTAT code, else every municipality whose
 * name is exactly that (accents and case ignored; homonyms in different provinces are all
 * returned), else those whose name starts with it.
 */
export async function findPlaces(db: Kysely<DB>, typed: string): Promise<PlaceMatch[]> {
  const columns = [
    'istat_code as code',
    'name',
    'province_acronym as provinceAcronym',
    'province_code as provinceCode',
    'province_name as provinceName',
  ] as const;
  const trimmed = typed.trim();
  if (/^\d{6}$/.test(trimmed)) {
    return db
      .selectFrom('municipalities')
      .select(columns)
      .where('istat_code', '=', trimmed)
      .execute();
  }
  const searchName = toSearchName(trimmed);
  if (searchName === '') return [];
  const exact = await db
    .selectFrom('municipalities')
    .select(columns)
    .where('search_name', '=', searchName)
    .orderBy('population', 'desc')
    .execute();
  if (exact.length > 0) return exact;
  const escaped = `${searchName.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return db
    .selectFrom('municipalities')
    .select(columns)
    .where('search_name', 'like', escaped)
    .orderBy('population', 'desc')
    .orderBy('name')
    .limit(10)
    .execute();
}

/** Ids of active desks competent for any of the municipalities. */
export async function desksCompetentFor(
  db: Kysely<DB>,
  municipalityCodes: readonly string[],
): Promise<string[]> {
  if (municipalityCodes.length === 0) return [];
  const rows = await activeDesks(db)
    .innerJoin('help_desk_municipalities', 'help_desk_municipalities.help_desk_id', 'help_desks.id')
    .select('help_desks.id')
    .distinct()
    .where('help_desk_municipalities.municipality_code', 'in', [...municipalityCodes])
    .execute();
  return rows.map((row) => row.id);
}

/** Ids of active desks based in, or competent for a municipality of, one of the provinces. */
export async function desksInProvinces(
  db: Kysely<DB>,
  provinceCodes: readonly string[],
): Promise<string[]> {
  if (provinceCodes.length === 0) return [];
  const based = await activeDesks(db)
    .select('help_desks.id')
    .where('municipalities.province_code', 'in', [...provinceCodes])
    .execute();
  const competent = await activeDesks(db)
    .innerJoin('help_desk_municipalities', 'help_desk_municipalities.help_desk_id', 'help_desks.id')
    .innerJoin(
      'municipalities as competence',
      'competence.istat_code',
      'help_desk_municipalities.municipality_code',
    )
    .select('help_desks.id')
    .where('competence.province_code', 'in', [...provinceCodes])
    .execute();
  return [...new Set([...based, ...competent].map((row) => row.id))];
}

export function loadDesksByIds(db: Kysely<DB>, ids: readonly string[]): Promise<PublicDesk[]> {
  return loadDesks(db, ids);
}

/** The municipalities a desk is competent for, in Italian alphabetical order. */
export async function competentMunicipalities(
  db: Kysely<DB>,
  deskId: string,
): Promise<{ code: string; name: string; provinceAcronym: string }[]> {
  const rows = await db
    .selectFrom('help_desk_municipalities')
    .innerJoin(
      'municipalities',
      'municipalities.istat_code',
      'help_desk_municipalities.municipality_code',
    )
    .select([
      'municipalities.istat_code as code',
      'municipalities.name',
      'municipalities.province_acronym as provinceAcronym',
    ])
    .where('help_desk_municipalities.help_desk_id', '=', deskId)
    .execute();
  const collator = new Intl.Collator('it');
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}
