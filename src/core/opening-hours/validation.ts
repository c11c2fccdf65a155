import { isCalendarDate, isMonthDay } from './calendar.ts';
import { parseTimeOfDay, type MinuteRange } from './time-of-day.ts';
import {
  isoWeekdays,
  type Interval,
  type OpeningHours,
  type ScheduleException,
  type ValidationIssue,
} from './types.ts';

interface PlacedRange extends MinuteRange {
  path: string;
}

/** Checks one interval; returns its minutes when it is well-formed, for the overlap check. */
function checkInterval(
  interval: Interval,
  path: string,
  issues: ValidationIssue[],
): PlacedRange | null {
  const opens = parseTimeOfDay(interval.opens, 'opens');
  const closes = parseTimeOfDay(interval.closes, 'closes');
  if (opens === null) issues.push({ path: `${path}.opens`, code: 'invalid_time' });
  if (closes === null) issues.push({ path: `${path}.closes`, code: 'invalid_time' });
  if (opens === null || closes === null) return null;
  // An empty interval (closes === opens) is refused too: it is always a typing mistake.
  if (closes <= opens) {
    issues.push({ path: `${path}.closes`, code: 'ends_before_start' });
    return null;
  }
  return { opens, closes, path };
}

/**
 * Overlaps are refused rather than merged: two rows saying different things about the same
 * hour mean the operator mistyped one of them. Touching (12:00–12:00) is fine, as closing is
 * exclusive. The later-starting interval is blamed, at its `opens`.
 */
function checkOverlaps(ranges: PlacedRange[], issues: ValidationIssue[]): void {
  const byOpening = [...ranges].sort((a, b) => a.opens - b.opens);
  let latestClose = -1;
  for (const range of byOpening) {
    if (range.opens < latestClose) issues.push({ path: `${range.path}.opens`, code: 'overlap' });
    latestClose = Math.max(latestClose, range.closes);
  }
}

function checkDay(intervals: readonly Interval[], path: string, issues: ValidationIssue[]): void {
  const ranges: PlacedRange[] = [];
  intervals.forEach((interval, index) => {
    const range = checkInterval(interval, `${path}.${index}`, issues);
    if (range) ranges.push(range);
  });
  checkOverlaps(ranges, issues);
}

function checkExceptions(
  exceptions: readonly ScheduleException[],
  issues: ValidationIssue[],
): void {
  const seen = new Set<string>();
  exceptions.forEach((exception, index) => {
    const path = `exceptions.${index}`;
    if (!isCalendarDate(exception.date)) {
      issues.push({ path: `${path}.date`, code: 'invalid_date' });
    } else if (seen.has(exception.date)) {
      issues.push({ path: `${path}.date`, code: 'duplicate_date' });
    }
    seen.add(exception.date);
    if (!('intervals' in exception)) return;
    // Special hours with no interval would mean "closed"; `closed: true` says that unambiguously.
    if (exception.intervals.length === 0) {
      issues.push({ path: `${path}.intervals`, code: 'empty_exception' });
    }
    checkDay(exception.intervals, `${path}.intervals`, issues);
  });
}

function checkLocalHolidays(monthDays: readonly string[], issues: ValidationIssue[]): void {
  const seen = new Set<string>();
  monthDays.forEach((monthDay, index) => {
    if (!isMonthDay(monthDay))
      issues.push({ path: `localHolidays.${index}`, code: 'invalid_date' });
    else if (seen.has(monthDay))
      issues.push({ path: `localHolidays.${index}`, code: 'duplicate_date' });
    seen.add(monthDay);
  });
}

/**
 * Every problem in the opening hours, day by day in document order; empty when they can be saved. Only
 * meaning is checked here (times, order, overlaps, dates): the shape is the boundary schema's job.
 */
export function validateOpeningHours(hours: OpeningHours): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const weekday of isoWeekdays) {
    checkDay(hours.weekly[weekday] ?? [], `weekly.${weekday}`, issues);
  }
  checkExceptions(hours.exceptions, issues);
  checkLocalHolidays(hours.localHolidays ?? [], issues);
  return issues;
}
