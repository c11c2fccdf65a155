import { commonLanguages } from '../../../src/core/help-desk.ts';
import type { FieldError } from '../api/client.ts';
import type { AccessMode, HelpDesk, HelpDeskInput, Interval } from '../api/help-desks.ts';
import type { Municipality } from '../api/municipalities.ts';
import type { Translate } from '../i18n/useT.ts';
import { numberOrNull, orNull, text } from './labels.ts';

export const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;

export interface ExceptionDraft {
  date: string;
  closed: boolean;
  intervals: Interval[];
}

export interface HoursDraft {
  weekly: Record<string, Interval[]>;
  exceptions: ExceptionDraft[];
  closedOnPublicHolidays: boolean;
  localHolidays: string[];
}

export interface HelpDeskDraft {
  name: string;
  description: string;
  status: string;
  seat: Municipality[];
  address: string;
  postalCode: string;
  latitude: string;
  longitude: string;
  phone: string;
  email: string;
  website: string;
  onlineUrl: string;
  channels: string[];
  services: string[];
  languages: string[];
  otherLanguages: string;
  accessibility: string[];
  accessMode: AccessMode;
  hours: HoursDraft;
  competent: Municipality[];
}

const common: readonly string[] = commonLanguages;

export function helpDeskDraftOf(desk: HelpDesk | null): HelpDeskDraft {
  const hours = desk?.openingHours;
  const weekly: Record<string, Interval[]> = {};
  for (const day of weekdays) weekly[day] = [...(hours?.weekly[day] ?? [])];
  return {
    name: text(desk?.name),
    description: text(desk?.description),
    status: desk?.status ?? 'active',
    seat: desk
      ? [{ code: desk.municipalityCode, name: desk.municipalityName, provinceAcronym: '' }]
      : [],
    address: text(desk?.address),
    postalCode: text(desk?.postalCode),
    latitude: text(desk?.latitude),
    longitude: text(desk?.longitude),
    phone: text(desk?.phone),
    email: text(desk?.email),
    website: text(desk?.website),
    onlineUrl: text(desk?.onlineUrl),
    channels: desk?.channels ?? [],
    services: desk?.services ?? [],
    languages: (desk?.languages ?? []).filter((code) => common.includes(code)),
    otherLanguages: (desk?.languages ?? []).filter((code) => !common.includes(code)).join(', '),
    accessibility: desk?.accessibility ?? [],
    accessMode: desk?.accessMode ?? 'appointment',
    hours: {
      weekly,
      exceptions: (hours?.exceptions ?? []).map((exception) =>
        'closed' in exception
          ? { date: exception.date, closed: true, intervals: [] }
          : { date: exception.date, closed: false, intervals: [...exception.intervals] },
      ),
      closedOnPublicHolidays: hours?.closedOnPublicHolidays ?? true,
      localHolidays: hours?.localHolidays ?? [],
    },
    competent: desk?.competentMunicipalities ?? [],
  };
}

export function otherLanguageCodes(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
}

/** Intervals keep the order shown, so the server's positions point at the right inputs. */
export function helpDeskInputOf(draft: HelpDeskDraft, organisationId: string): HelpDeskInput {
  const weekly: Record<string, Interval[]> = {};
  for (const day of weekdays) {
    const intervals = draft.hours.weekly[day] ?? [];
    if (intervals.length > 0) weekly[day] = intervals;
  }
  return {
    organisationId,
    name: draft.name.trim(),
    description: orNull(draft.description),
    municipalityCode: draft.seat[0]?.code ?? '',
    address: orNull(draft.address),
    postalCode: orNull(draft.postalCode),
    latitude: numberOrNull(draft.latitude),
    longitude: numberOrNull(draft.longitude),
    phone: orNull(draft.phone),
    email: orNull(draft.email),
    website: orNull(draft.website),
    onlineUrl: orNull(draft.onlineUrl),
    channels: draft.channels,
    services: draft.services,
    languages: [...draft.languages, ...otherLanguageCodes(draft.otherLanguages)],
    accessibility: draft.accessibility,
    accessMode: draft.accessMode,
    openingHours: {
      weekly,
      exceptions: draft.hours.exceptions.map((exception) =>
        exception.closed
          ? { date: exception.date, closed: true }
          : { date: exception.date, intervals: exception.intervals },
      ),
      closedOnPublicHolidays: draft.hours.closedOnPublicHolidays,
      localHolidays: draft.hours.localHolidays,
    },
    competentMunicipalityCodes: draft.competent.map((municipality) => municipality.code),
    status: draft.status === 'inactive' ? 'inactive' : 'active',
  };
}

/** Obvious mistakes only; the server is the authority (overlaps, contacts for channels…). */
export function checkHelpDeskDraft(draft: HelpDeskDraft, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  const required = t('bo.network.required');
  if (!draft.name.trim()) errors.push({ field: 'name', message: required });
  if (draft.seat.length === 0) errors.push({ field: 'municipalityCode', message: required });
  for (const field of ['latitude', 'longitude'] as const) {
    if (Number.isNaN(numberOrNull(draft[field])))
      errors.push({ field, message: t('bo.network.notANumber') });
  }
  return errors;
}
