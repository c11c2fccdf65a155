/**
 * Response-time targets count working days: Monday to Friday, Italian national holidays
 * excluded. A report received on a Friday evening with a target of 2 working days is due at the
 * end of Tuesday. Pure: the time zone is an argument and the zone's rules come from Intl.
 */
import { addDays, isoWeekday } from '../opening-hours/calendar.ts';
import { italianPublicHolidays } from '../opening-hours/holidays.ts';
import { localDateTime } from '../opening-hours/local-time.ts';
import type { CalendarDate } from '../opening-hours/types.ts';

// Every intake computes two due dates: the holidays of a year are worked out once.
const holidaysByYear = new Map<number, ReadonlySet<CalendarDate>>();

function holidaysOf(year: number): ReadonlySet<CalendarDate> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(italianPublicHolidays(year));
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

export function isWorkingDay(date: CalendarDate): boolean {
  if (isoWeekday(date) > 5) return false;
  return !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/** The local calendar date `days` working days after the date of `from` (the day itself excluded). */
export function addWorkingDays(from: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be ≥ 0: ${days}`);
  let date = from;
  let remaining = days;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) remaining -= 1;
  }
  return date;
}

/** The local calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  return localDateTime(instant, timeZone).date;
}

/**
 * The date by which a target of `days` working days is met for something that arrived at
 * `receivedAt`: the end of that local day is the deadline, so it is returned as a date.
 */
export function dueDate(receivedAt: Date, days: number, timeZone: string): CalendarDate {
  return addWorkingDays(localDate(receivedAt, timeZone), days);
}
