/**
 * When to remind someone of a deadline: by default two working days before it, so a reminder
 * about a Monday deadline arrives on the Thursday before, not on the weekend. A reminder never
 * falls before today (a deadline set at the last minute is reminded at once).
 */
import { addDays } from '../opening-hours/calendar.ts';
import type { CalendarDate } from '../opening-hours/types.ts';
import { isWorkingDay } from './working-days.ts';

export const DEFAULT_REMINDER_WORKING_DAYS = 2;

/** The local date `days` working days before `date` (the date itself excluded). */
export function subtractWorkingDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be ≥ 0: ${days}`);
  let current = date;
  let remaining = days;
  while (remaining > 0) {
    current = addDays(current, -1);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

export function defaultRemindOn(dueOn: CalendarDate, today: CalendarDate): CalendarDate {
  const remindOn = subtractWorkingDays(dueOn, DEFAULT_REMINDER_WORKING_DAYS);
  if (remindOn < today) return today < dueOn ? today : dueOn;
  return remindOn;
}
