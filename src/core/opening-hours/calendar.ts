import type { CalendarDate, IsoWeekday } from './types.ts';
import { isoWeekdays } from './types.ts';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  return match !== null && isValidDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** "MM-DD" that exists in some year: 02-29 is accepted, as a leap year has it. */
export function isMonthDay(value: string): boolean {
  const match = MONTH_DAY_PATTERN.exec(value);
  return match !== null && isValidDay(2000, Number(match[1]), Number(match[2]));
}

export function assertCalendarDate(value: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`not a calendar date: ${value}`);
}

/** Days since 1970-01-01; parsed as ISO so that years below 100 are not shifted by 1900. */
export function epochDay(date: CalendarDate): number {
  assertCalendarDate(date);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function dateOfEpochDay(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfEpochDay(epochDay(date) + days);
}

export function isoWeekday(date: CalendarDate): IsoWeekday {
  // 1970-01-01 was a Thursday, ISO weekday 4 (index 3).
  const index = (((epochDay(date) + 3) % 7) + 7) % 7;
  const weekday = isoWeekdays[index];
  if (weekday === undefined) throw new RangeError(`no weekday for ${date}`);
  return weekday;
}
