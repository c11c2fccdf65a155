/**
 * Retention of cases that never reach a final state. DESIGN's principle is that each case state
 * has a retention period after which the personal fields are erased and the classified record
 * stays: an open case nobody works any more (the reporter never came back, the desk lost track)
 * would otherwise keep a victim's story forever. But an open case may also be waiting on a slow
 * court, so it is never erased silently: once it has had no activity for the configured months
 * minus the notice, the team gets a warning on its timeline; any activity (a note, a message,
 * a change) restarts the clock; only a case still untouched when the period is over, and warned
 * at least the notice before, is erased.
 */
import { localDate } from './working-days.ts';

/** Days between the warning on the timeline and the earliest erasure. */
export const INACTIVITY_NOTICE_DAYS = 30;

/** "YYYY-MM-DD" plus whole months; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** "YYYY-MM-DD" plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export interface InactiveCase {
  /** The last thing that happened to the case (its last event, or its arrival). */
  lastActivityAt: Date;
  /** The last inactivity warning, if any (a warning is not activity). */
  warnedAt: Date | null;
}

export type InactiveStep =
  | { step: 'keep' }
  | { step: 'warn'; eraseFrom: string }
  | { step: 'erase'; lastActivityOn: string };

/** What the nightly job does today with an open case. Dates are local to the network. */
export function inactiveCaseStep(
  item: InactiveCase,
  now: Date,
  settings: { inactiveMonths: number; timeZone: string },
): InactiveStep {
  const today = localDate(now, settings.timeZone);
  const lastActivityOn = localDate(item.lastActivityAt, settings.timeZone);
  // The last day the data is kept without activity.
  const keptUntil = addMonths(lastActivityOn, settings.inactiveMonths);
  const warned = item.warnedAt !== null && item.warnedAt.getTime() > item.lastActivityAt.getTime();
  if (!warned) {
    if (today < addDays(keptUntil, -INACTIVITY_NOTICE_DAYS)) return { step: 'keep' };
    const afterNotice = addDays(today, INACTIVITY_NOTICE_DAYS);
    const dayAfter = addDays(keptUntil, 1);
    return { step: 'warn', eraseFrom: afterNotice > dayAfter ? afterNotice : dayAfter };
  }
  const noticeOver = addDays(localDate(item.warnedAt!, settings.timeZone), INACTIVITY_NOTICE_DAYS);
  const eraseFrom = noticeOver > addDays(keptUntil, 1) ? noticeOver : addDays(keptUntil, 1);
  return today >= eraseFrom ? { step: 'erase', lastActivityOn } : { step: 'keep' };
}
