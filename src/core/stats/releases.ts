import { addDays } from '../opening-hours/calendar.ts';
import type { CalendarDate } from '../opening-hours/types.ts';

/**
 * The public figures come out as releases: a calendar year is published once, some days after
 * it ends, and never changes afterwards. Figures computed live would change with every report,
 * and the difference between two readings a day apart would show that day's reports by ground,
 * area and municipality, with none of the protection the published tables have. Years do not
 * overlap, and a released year is not recomputed, so no two published figures can be
 * subtracted to isolate fewer reports than a whole year's table holds.
 */

/** How many years back the first release goes, for a network that starts with old records. */
export const RELEASE_YEARS_BACK = 10;

/** The first day a year's release is due: the given days after the year ends. */
export function releaseDueOn(year: number, delayDays: number): CalendarDate {
  return addDays(`${year + 1}-01-01`, delayDays);
}

/**
 * The years whose release is due and not yet made, oldest first: from the first year with
 * reports (at most `RELEASE_YEARS_BACK` complete years back) to the last complete year whose
 * delay has passed on `today` (the network's local date).
 */
export function dueReleaseYears(options: {
  today: CalendarDate;
  delayDays: number;
  firstYearWithReports: number | null;
  released: readonly number[];
}): number[] {
  const { today, delayDays, firstYearWithReports } = options;
  if (firstYearWithReports === null) return [];
  const currentYear = Number(today.slice(0, 4));
  const from = Math.max(firstYearWithReports, currentYear - RELEASE_YEARS_BACK);
  const released = new Set(options.released);
  const due: number[] = [];
  for (let year = from; year < currentYear; year += 1) {
    if (released.has(year)) continue;
    if (releaseDueOn(year, delayDays) <= today) due.push(year);
  }
  return due;
}
