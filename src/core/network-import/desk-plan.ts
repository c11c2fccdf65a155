import { missingContactsForChannels, type HelpDeskChannel } from '../help-desk.ts';
import { normalWeekly } from '../opening-hours-text.ts';
import type { Interval } from '../opening-hours/types.ts';
import type { DeskField, DeskValues, ParsedDeskRow } from './desk-rows.ts';
import type { ColumnMap } from './columns.ts';
import type { Rejection } from './parse-rows.ts';
import {
  resolveOrganisation,
  targetKey,
  type ExistingOrganisation,
  type FileOrganisations,
  type ReferralTarget,
} from './plan.ts';

/** Opening hours as stored (`OpeningHoursInput` of the help-desk API, weekdays '1'…'7'). */
export interface StoredOpeningHours {
  weekly: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Interval[]>>;
  exceptions: unknown[];
  closedOnPublicHolidays: boolean;
  localHolidays?: string[];
}

export interface DeskState extends DeskValues {
  openingHours: StoredOpeningHours;
}

export interface ExistingHelpDesk {
  id: string;
  organisationId: string;
  name: string;
  /** `search_text(name)` as the database computes it. */
  searchName: string;
  state: DeskState;
}

export type DeskChanges = Partial<Record<keyof DeskState, { from: unknown; to: unknown }>>;

export interface DeskRowPlan {
  row: number;
  name: string;
  organisationName: string;
  /** null for a desk to create. */
  helpDeskId: string | null;
  organisation: ReferralTarget;
  changes: DeskChanges;
  /** The whole desk, for one to create. */
  state?: DeskState;
}

export interface HelpDeskPlan {
  create: DeskRowPlan[];
  update: DeskRowPlan[];
  unchanged: number;
}

const fieldOrder: (keyof DeskState)[] = [
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

/** The fields that differ, as the help-desk history records them; `before` null for a new desk. */
export function diffDesk(before: DeskState | null, after: DeskState): DeskChanges {
  const changes: DeskChanges = {};
  for (const field of fieldOrder) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (!before && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    changes[field] = { from, to };
  }
  return changes;
}

const contactField: Record<string, DeskField> = {
  phone: 'phone',
  email: 'email',
  address: 'address',
  onlineUrl: 'onlineUrl',
};

function withHours(before: DeskState | null, row: ParsedDeskRow): StoredOpeningHours {
  const hours: StoredOpeningHours = before
    ? before.openingHours
    : { weekly: {}, exceptions: [], closedOnPublicHolidays: true };
  let weekly = hours.weekly;
  // The same hours written another way (touching intervals joined, other order) are no change.
  if (
    row.weekly &&
    JSON.stringify(normalWeekly(row.weekly)) !== JSON.stringify(normalWeekly(hours.weekly))
  ) {
    weekly = {};
    for (const [day, intervals] of Object.entries(row.weekly)) {
      weekly[day as keyof StoredOpeningHours['weekly']] = [...(intervals as Interval[])];
    }
  }
  return {
    ...hours,
    weekly,
    closedOnPublicHolidays: row.closedOnPublicHolidays ?? hours.closedOnPublicHolidays,
  };
}

/**
 * What importing a help-desk sheet would do. Each row names its organisation (a row of the
 * organisations sheet, else one in the directory); the desk is matched by its searchable name
 * within that organisation, then created, updated with the fields that differ, or left alone.
 * A new desk needs its municipality, channels and access mode; its competent municipalities
 * default to its own. Every channel needs its contact, as in the form.
 */
export function planHelpDesks(
  parsed: { rows: ParsedDeskRow[]; rejected: Rejection[]; columns: ColumnMap<DeskField> },
  searchNameOf: (name: string) => string,
  organisations: {
    inFile: FileOrganisations;
    byName: ReadonlyMap<string, readonly ExistingOrganisation[]>;
    nameOf: (target: ReferralTarget) => string;
  },
  existing: readonly ExistingHelpDesk[],
  sheet?: string,
): { plan: HelpDeskPlan; rejected: Rejection[] } {
  const plan: HelpDeskPlan = { create: [], update: [], unchanged: 0 };
  const rejected = [...parsed.rejected];
  const reject = (
    row: number,
    field: DeskField,
    reason: string,
    params?: Record<string, string | number>,
  ) =>
    rejected.push({
      row,
      column: parsed.columns.headers.get(field) ?? field,
      reason,
      ...(params ? { params } : {}),
      ...(sheet ? { sheet } : {}),
    });
  const desks = new Map(
    existing.map((desk) => [`${desk.organisationId}\u0000${desk.searchName}`, desk]),
  );
  const seen = new Map<string, number>();

  for (const row of parsed.rows) {
    const organisation = resolveOrganisation(
      searchNameOf(row.organisation),
      organisations.inFile,
      organisations.byName,
    );
    if ('error' in organisation) {
      reject(row.row, 'organisation', organisation.error, {
        value: row.organisation,
        count: organisation.count ?? 0,
      });
      continue;
    }
    const identity = `${targetKey(organisation)}\u0000${searchNameOf(row.name)}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      reject(row.row, 'name', 'duplicate_row', { first });
      continue;
    }
    seen.set(identity, row.row);
    const target = desks.get(identity);
    const before = target?.state ?? null;
    if (!before) {
      if (row.values.municipalityCode === undefined) {
        reject(row.row, 'municipality', 'desk_municipality_required');
        continue;
      }
      if (!row.values.channels || row.values.channels.length === 0) {
        reject(row.row, 'channels', 'desk_channels_required');
        continue;
      }
      if (row.values.accessMode === undefined) {
        reject(row.row, 'accessMode', 'desk_access_required');
        continue;
      }
    }
    const base: DeskState = before ?? {
      description: null,
      municipalityCode: row.values.municipalityCode!,
      address: null,
      postalCode: null,
      latitude: null,
      longitude: null,
      phone: null,
      email: null,
      website: null,
      onlineUrl: null,
      channels: [],
      services: [],
      languages: [],
      accessibility: [],
      accessMode: row.values.accessMode!,
      openingHours: { weekly: {}, exceptions: [], closedOnPublicHolidays: true },
      competentMunicipalityCodes: [row.values.municipalityCode!],
      status: 'active',
    };
    const after: DeskState = { ...base, ...row.values, openingHours: withHours(before, row) };
    if (row.values.channels?.length === 0) {
      reject(row.row, 'channels', 'desk_channels_required');
      continue;
    }
    if (after.competentMunicipalityCodes.length === 0) {
      reject(row.row, 'competentMunicipalities', 'desk_competent_required');
      continue;
    }
    const missing = missingContactsForChannels(after.channels as HelpDeskChannel[], after)[0];
    if (missing) {
      const field = contactField[missing.field]!;
      reject(
        row.row,
        parsed.columns.headers.has(field) ? field : 'channels',
        `contact_required_${missing.channel}`,
      );
      continue;
    }
    const changes = diffDesk(before, after);
    const rowPlan: DeskRowPlan = {
      row: row.row,
      name: target ? target.name : row.name,
      organisationName: organisations.nameOf(organisation),
      helpDeskId: target?.id ?? null,
      organisation,
      changes,
    };
    if (!target) plan.create.push({ ...rowPlan, state: after });
    else if (Object.keys(changes).length > 0) plan.update.push(rowPlan);
    else plan.unchanged += 1;
  }
  return { plan, rejected };
}
