import type { AccessMode } from '../../core/help-desk.ts';
import type { OpeningHoursInput } from './schemas.ts';

/** Everything a coordinator edits on a help desk, as the API names it. */
export interface HelpDeskState {
  organisationId: string;
  name: string;
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
  openingHours: OpeningHoursInput;
  competentMunicipalityCodes: string[];
  status: 'active' | 'inactive';
}

export type HelpDeskField = keyof HelpDeskState;
export type Changes = Partial<Record<HelpDeskField, { from: unknown; to: unknown }>>;

const weekdayKeys = ['1', '2', '3', '4', '5', '6', '7'] as const;

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function intervalsOf(value: unknown): { opens: string; closes: string }[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: { opens?: unknown; closes?: unknown }) => ({
    opens: String(item.opens),
    closes: String(item.closes),
  }));
}

/**
 * Opening hours in one canonical form (weekdays in order, keys in a fixed order), so the value
 * read back from jsonb, which reorders keys, compares equal to the one that was written.
 */
export function canonicalOpeningHours(value: unknown): OpeningHoursInput {
  const hours = (value ?? {}) as {
    weekly?: Record<string, unknown>;
    exceptions?: unknown[];
    closedOnPublicHolidays?: unknown;
    localHolidays?: unknown[];
  };
  const weekly: OpeningHoursInput['weekly'] = {};
  for (const key of weekdayKeys) {
    const day = hours.weekly?.[key];
    if (day !== undefined) weekly[key] = intervalsOf(day);
  }
  const exceptions = (hours.exceptions ?? []).map((item) => {
    const exception = item as { date?: unknown; closed?: unknown; intervals?: unknown };
    return 'intervals' in exception
      ? { date: String(exception.date), intervals: intervalsOf(exception.intervals) }
      : { date: String(exception.date), closed: true as const };
  });
  return {
    weekly,
    exceptions,
    closedOnPublicHolidays: hours.closedOnPublicHolidays === true,
    ...(hours.localHolidays ? { localHolidays: hours.localHolidays.map(String) } : {}),
  };
}

/** Repeated codes are dropped (the first occurrence stays, so field indexes still hold). */
export function normaliseState(state: HelpDeskState): HelpDeskState {
  return {
    ...state,
    channels: unique(state.channels),
    services: unique(state.services),
    languages: unique(state.languages),
    accessibility: unique(state.accessibility),
    competentMunicipalityCodes: unique(state.competentMunicipalityCodes),
    openingHours: canonicalOpeningHours(state.openingHours),
  };
}

const fieldOrder: HelpDeskField[] = [
  'organisationId',
  'name',
  'description',
  'municipalityCode',
  'address',
  'postalCode',
  'latitude',
  'longitude',
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
  'competentMunicipalityCodes',
  'status',
];

/** The fields whose value differs, as `{ from, to }`; `before` null lists every set field. */
export function diffStates(before: HelpDeskState | null, after: HelpDeskState): Changes {
  const changes: Changes = {};
  for (const field of fieldOrder) {
    // Competent municipalities are a set: compared, and recorded, in code order.
    const comparable = (state: HelpDeskState) =>
      field === 'competentMunicipalityCodes'
        ? [...state.competentMunicipalityCodes].sort()
        : state[field];
    const from = before ? comparable(before) : null;
    const to = comparable(after);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (!before && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    changes[field] = { from, to };
  }
  return changes;
}
