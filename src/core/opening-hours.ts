/**
 * Opening hours of help desks: a weekly schedule, dated exceptions and Italian public holidays,
 * and the questions asked of them ("open now?", "when does it next open?", "hours to display").
 * Pure: no I/O and no clock; the instant and the time zone are arguments, and the zone's rules
 * come from Intl.
 *
 * Everything is read on the desk's wall clock. On the spring-forward day 02:00–02:59 does not
 * exist, so a desk "open 02:30–04:00" opens at 03:00; on the fall-back day 02:00–02:59 happens
 * twice and the desk is open both times.
 */
import {
  DAY_MS,
  MINUTE_MS,
  assertCalendarDate,
  dateOfEpochDay,
  isoWeekday,
} from './opening-hours/calendar.ts';
import { italianPublicHolidays } from './opening-hours/holidays.ts';
import { constantOffsetSpans, localDateTime, type OffsetSpan } from './opening-hours/local-time.ts';
import {
  containsMinute,
  formatTimeOfDay,
  sortByOpening,
  toMinuteRange,
  type MinuteRange,
} from './opening-hours/time-of-day.ts';
import {
  isoWeekdays,
  type CalendarDate,
  type Interval,
  type IsoWeekday,
  type OpeningHours,
  type TimeOfDay,
} from './opening-hours/types.ts';

export { easterSunday, italianPublicHolidays } from './opening-hours/holidays.ts';
export { validateOpeningHours } from './opening-hours/validation.ts';
export { isoWeekdays, validationCodes } from './opening-hours/types.ts';
export type * from './opening-hours/types.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Rome';

export type DayHoursReason = 'weekly' | 'exception' | 'holiday' | 'closed_exception';

export interface DayHours {
  /** Sorted by opening time; empty when closed all day. */
  intervals: Interval[];
  reason: DayHoursReason;
}

export interface Opening {
  /** Local date and wall-clock time at which the desk opens. */
  date: CalendarDate;
  opens: TimeOfDay;
  /** The same moment as an instant, since a wall-clock time can be ambiguous on DST days. */
  at: Date;
}

/** Consecutive weekdays (Monday first) that share the same hours; empty intervals = closed. */
export interface WeekdayGroup {
  weekdays: IsoWeekday[];
  intervals: Interval[];
}

function isPublicHoliday(hours: OpeningHours, date: CalendarDate): boolean {
  const year = Number(date.slice(0, 4));
  return italianPublicHolidays(year, hours.localHolidays ?? []).includes(date);
}

/** A dated exception wins over holidays (a desk may open on one), holidays over the week. */
export function hoursOn(hours: OpeningHours, date: CalendarDate): DayHours {
  assertCalendarDate(date);
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  if (exception) {
    return 'intervals' in exception
      ? { intervals: sortByOpening(exception.intervals), reason: 'exception' }
      : { intervals: [], reason: 'closed_exception' };
  }
  if (hours.closedOnPublicHolidays && isPublicHoliday(hours, date)) {
    return { intervals: [], reason: 'holiday' };
  }
  return { intervals: sortByOpening(hours.weekly[isoWeekday(date)] ?? []), reason: 'weekly' };
}

export function isOpenAt(
  hours: OpeningHours,
  instant: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  const local = localDateTime(instant, timeZone);
  return hoursOn(hours, local.date).intervals.some((interval) =>
    containsMinute(toMinuteRange(interval), local.minutes),
  );
}

function becomesOpenAt(hours: OpeningHours, instant: number, timeZone: string): boolean {
  // Every boundary falls on a whole minute, so the minute before tells the state just before.
  return (
    isOpenAt(hours, new Date(instant), timeZone) &&
    !isOpenAt(hours, new Date(instant - MINUTE_MS), timeZone)
  );
}

/**
 * Instants in the span at which the desk may start being open, in order: each interval's
 * opening time read with the span's offset, and the DST change itself, which can open a desk
 * whose opening time fell in the skipped hour or whose hours come round again after fall-back.
 */
function* openingCandidates(hours: OpeningHours, span: OffsetSpan): Generator<number> {
  if (span.startsAtChange) yield span.from;
  const shift = span.offset * MINUTE_MS;
  const lastDay = Math.floor((span.to - 1 + shift) / DAY_MS);
  for (let day = Math.floor((span.from + shift) / DAY_MS); day <= lastDay; day += 1) {
    for (const interval of hoursOn(hours, dateOfEpochDay(day)).intervals) {
      const instant = day * DAY_MS + toMinuteRange(interval).opens * MINUTE_MS - shift;
      if (instant >= span.from && instant < span.to) yield instant;
    }
  }
}

/**
 * The next moment, at or after `instant` and before `horizonDays` × 24 hours later, at which
 * the desk goes from closed to open. A desk open at `instant` is already open, so the answer is
 * its next opening after a closure; touching intervals, and 24:00 followed by 00:00, are one
 * stretch of opening. Null when it does not open within the horizon.
 */
export function nextOpening(
  hours: OpeningHours,
  instant: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
  horizonDays = 60,
): Opening | null {
  if (!Number.isInteger(horizonDays) || horizonDays < 1) {
    throw new RangeError(`horizonDays must be a positive integer, not ${horizonDays}`);
  }
  const from = instant.getTime();
  if (Number.isNaN(from)) throw new RangeError('invalid instant');
  for (const span of constantOffsetSpans(from, from + horizonDays * DAY_MS, timeZone)) {
    for (const candidate of openingCandidates(hours, span)) {
      if (becomesOpenAt(hours, candidate, timeZone)) {
        const local = localDateTime(candidate, timeZone);
        return { date: local.date, opens: formatTimeOfDay(local.minutes), at: new Date(candidate) };
      }
    }
  }
  return null;
}

/** Touching intervals read as one on a display: 9:00–12:00 + 12:00–13:00 is 9:00–13:00. */
function mergeTouching(intervals: readonly Interval[]): Interval[] {
  const merged: { interval: Interval; range: MinuteRange }[] = [];
  for (const interval of sortByOpening(intervals)) {
    const range = toMinuteRange(interval);
    const last = merged.at(-1);
    if (last && last.range.closes === range.opens) {
      last.interval = { opens: last.interval.opens, closes: interval.closes };
      last.range = { opens: last.range.opens, closes: range.closes };
    } else {
      merged.push({ interval, range });
    }
  }
  return merged.map(({ interval }) => interval);
}

function sameIntervals(a: readonly Interval[], b: readonly Interval[]): boolean {
  return (
    a.length === b.length &&
    a.every((interval, index) => {
      const other = b[index];
      return (
        other !== undefined && interval.opens === other.opens && interval.closes === other.closes
      );
    })
  );
}

/**
 * The weekly schedule for display, Monday to Sunday, with consecutive days that have the same
 * hours grouped (Monday–Friday 9:00–13:00). Sunday and Monday are not joined across the week's
 * end, since "Sunday–Monday" would read backwards. Closed days are groups with no intervals.
 */
export function weeklySummary(hours: Pick<OpeningHours, 'weekly'>): WeekdayGroup[] {
  const groups: WeekdayGroup[] = [];
  for (const weekday of isoWeekdays) {
    const intervals = mergeTouching(hours.weekly[weekday] ?? []);
    const last = groups.at(-1);
    if (last && sameIntervals(last.intervals, intervals)) last.weekdays.push(weekday);
    else groups.push({ weekdays: [weekday], intervals });
  }
  return groups;
}
