import { addDays, isCalendarDate, isMonthDay } from './calendar.ts';
import type { CalendarDate } from './types.ts';

/**
 * National public holidays of Italy (Law 260/1949 as amended), as "MM-DD". Easter Sunday and
 * Easter Monday move, so they are computed per year.
 */
const FIXED_HOLIDAYS = [
  '01-01', // Capodanno
  '01-06', // Epifania
  '04-25', // Festa della Liberazione
  '05-01', // Festa dei Lavoratori
  '06-02', // Festa della Repubblica
  '08-15', // Ferragosto
  '11-01', // Ognissanti
  '12-08', // Immacolata Concezione
  '12-25', // Natale
  '12-26', // Santo Stefano
];

// Law 151/2025 made 4 October (San Francesco d'Assisi) a national holiday again from 2026.
const SAN_FRANCESCO = '10-04';
const SAN_FRANCESCO_SINCE = 2026;

function assertGregorianYear(year: number): void {
  // The Easter algorithm below holds for the Gregorian calendar, adopted in 1582.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`year out of range: ${year}`);
  }
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  assertGregorianYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The year's public holidays, sorted and without duplicates. `extraHolidays` are local ones as
 * "MM-DD" (the patron saint); a malformed one throws rather than being silently dropped, while
 * "02-29" simply does not occur in common years.
 */
export function italianPublicHolidays(
  year: number,
  extraHolidays: readonly string[] = [],
): CalendarDate[] {
  const easter = easterSunday(year);
  for (const monthDay of extraHolidays) {
    if (!isMonthDay(monthDay)) throw new RangeError(`not a month-day: ${monthDay}`);
  }
  const monthDays = [...FIXED_HOLIDAYS, ...extraHolidays];
  if (year >= SAN_FRANCESCO_SINCE) monthDays.push(SAN_FRANCESCO);
  const dates = monthDays
    .map((monthDay) => `${year}-${monthDay}`)
    .filter((date) => isCalendarDate(date));
  return [...new Set([...dates, easter, addDays(easter, 1)])].sort();
}
