/**
 * The stored shape of a help desk's opening hours. Times and dates are strings as they travel in
 * JSON and forms; `validateOpeningHours` checks their meaning, a zod schema at the HTTP boundary
 * checks their shape.
 */

/** "HH:MM" on a 24-hour clock, 00:00–23:59; "24:00" is allowed only as a closing time. */
export type TimeOfDay = string;

/** "YYYY-MM-DD" in the proleptic Gregorian calendar, read in the desk's time zone. */
export type CalendarDate = string;

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const isoWeekdays: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Open from `opens` (inclusive) until `closes` (exclusive). */
export interface Interval {
  opens: TimeOfDay;
  closes: TimeOfDay;
}

/** A weekday that is missing or has no intervals is closed. */
export type WeeklySchedule = Partial<Record<IsoWeekday, readonly Interval[]>>;

export interface ClosedException {
  date: CalendarDate;
  closed: true;
}

export interface SpecialHoursException {
  date: CalendarDate;
  intervals: readonly Interval[];
}

export type ScheduleException = ClosedException | SpecialHoursException;

export interface OpeningHours {
  weekly: WeeklySchedule;
  exceptions: readonly ScheduleException[];
  closedOnPublicHolidays: boolean;
  /**
   * Holidays of the desk's municipality as "MM-DD", e.g. "06-24" for San Giovanni in Florence.
   * They count only when `closedOnPublicHolidays` is true, like the national ones.
   */
  localHolidays?: readonly string[];
}

export const validationCodes = [
  'invalid_time',
  'ends_before_start',
  'overlap',
  'invalid_date',
  'duplicate_date',
  'empty_exception',
] as const;
export type ValidationCode = (typeof validationCodes)[number];

/** `path` is dotted from the root of `OpeningHours`, e.g. "weekly.1.0.closes". */
export interface ValidationIssue {
  path: string;
  code: ValidationCode;
}
