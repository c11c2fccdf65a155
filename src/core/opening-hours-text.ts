/**
 * Weekly opening hours as people type them in a survey spreadsheet:
 * "lun-ven 9:00-13:00; mar 15:00-18:00", "Mon, Wed 9-12, 14.30-17", "sab chiuso".
 * Segments are separated by `;` or line breaks; each names days (Italian or English, whole or
 * abbreviated, accents optional; ranges with `-`, lists with `,` `/` `e` `and`) and then one or
 * more intervals. A day named in several segments gets every interval listed for it, and the
 * result must pass `validateOpeningHours` (so overlaps are refused, as in the form).
 * Pure: the reverse, `formatWeeklyHoursText`, writes what the export puts in the cell.
 */
import { validateOpeningHours, weeklySummary } from './opening-hours.ts';
import { sortByOpening } from './opening-hours/time-of-day.ts';
import {
  isoWeekdays,
  type Interval,
  type IsoWeekday,
  type ValidationCode,
  type WeeklySchedule,
} from './opening-hours/types.ts';
import { toSearchName } from './search-name.ts';

export type HoursTextError =
  | 'hours_unknown_day'
  | 'hours_bad_time'
  | 'hours_missing_time'
  | 'hours_missing_days'
  | `hours_${ValidationCode}`;

/** `value` is the segment that cannot be read, or for a rule broken the ISO weekday ('1'…'7'). */
export type HoursTextResult = { weekly: WeeklySchedule } | { error: HoursTextError; value: string };

const dayNames: Record<IsoWeekday, string[]> = {
  1: ['lunedi', 'monday'],
  2: ['martedi', 'tuesday'],
  3: ['mercoledi', 'wednesday'],
  4: ['giovedi', 'thursday'],
  5: ['venerdi', 'friday'],
  6: ['sabato', 'saturday'],
  7: ['domenica', 'sunday'],
};

const abbreviations: Record<'it' | 'en', Record<IsoWeekday, string>> = {
  it: { 1: 'lun', 2: 'mar', 3: 'mer', 4: 'gio', 5: 'ven', 6: 'sab', 7: 'dom' },
  en: { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' },
};

const closedWords = /\s*\b(chiuso|chiusa|closed)$/;

/** A day word: at least three letters that begin exactly one day's name ("mar", "giov.", "Thu"). */
function weekdayOf(word: string): IsoWeekday | null {
  const key = word.replace(/\.$/, '');
  if (key.length < 3) return null;
  const matches = isoWeekdays.filter((day) => dayNames[day].some((name) => name.startsWith(key)));
  return matches.length === 1 ? matches[0]! : null;
}

function parseDays(text: string): IsoWeekday[] | null {
  const days: IsoWeekday[] = [];
  const items = text
    .split(/\s*(?:,|\/|&|\be\b|\band\b)\s*/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return null;
  for (const item of items) {
    const range = item.split(/\s*-\s*/);
    if (range.length === 1) {
      const day = weekdayOf(range[0]!);
      if (day === null) return null;
      days.push(day);
    } else if (range.length === 2) {
      const first = weekdayOf(range[0]!);
      const last = weekdayOf(range[1]!);
      if (first === null || last === null || last < first) return null;
      days.push(...isoWeekdays.filter((day) => day >= first && day <= last));
    } else return null;
  }
  return days;
}

/** "9", "9:00", "09.30", "24:00" → "HH:MM", or null. */
function parseTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function parseIntervals(text: string): Interval[] | null {
  const items = text
    .split(/\s*(?:,|\/|&|\be\b|\band\b)\s*/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return null;
  const intervals: Interval[] = [];
  for (const item of items) {
    const parts = item.replace(/^(dalle|from)\s+/, '').split(/\s*(?:-|\balle\b|\bto\b)\s*/);
    if (parts.length !== 2) return null;
    const opens = parseTime(parts[0]!);
    const closes = parseTime(parts[1]!);
    if (opens === null || closes === null || opens === '24:00') return null;
    intervals.push({ opens, closes });
  }
  return intervals;
}

/** Parses the weekly hours of one cell; an empty text is a desk closed every day. */
export function parseWeeklyHoursText(text: string): HoursTextResult {
  const schedule = new Map<IsoWeekday, Interval[]>();
  const segments = text
    .split(/[;\n\r]+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
  for (const segment of segments) {
    const normal = toSearchName(segment)
      .replace(/[\u2013\u2014\u2212]/g, '-')
      .replace(/(\d)\s*h\b/g, '$1');
    const firstDigit = normal.search(/\d/);
    let dayText = (firstDigit < 0 ? normal : normal.slice(0, firstDigit))
      .replace(/[:\s]+$/, '')
      .replace(/\s*\b(dalle|ore|from)$/, '');
    const timeText = firstDigit < 0 ? '' : normal.slice(firstDigit);
    const closed = firstDigit < 0 && closedWords.test(dayText);
    if (closed) dayText = dayText.replace(closedWords, '');
    if (dayText.trim() === '') return { error: 'hours_missing_days', value: segment };
    const days = parseDays(dayText);
    if (days === null) return { error: 'hours_unknown_day', value: segment };
    if (closed) {
      for (const day of days) if (!schedule.has(day)) schedule.set(day, []);
      continue;
    }
    if (timeText === '') return { error: 'hours_missing_time', value: segment };
    const intervals = parseIntervals(timeText);
    if (intervals === null) return { error: 'hours_bad_time', value: segment };
    for (const day of days) schedule.set(day, [...(schedule.get(day) ?? []), ...intervals]);
  }
  const weekly: Partial<Record<IsoWeekday, Interval[]>> = {};
  for (const day of isoWeekdays) {
    const intervals = schedule.get(day);
    if (intervals && intervals.length > 0) weekly[day] = intervals;
  }
  const issue = validateOpeningHours({ weekly, exceptions: [], closedOnPublicHolidays: false })[0];
  if (issue) {
    // The weekday number, which messages word in the reader's language.
    return { error: `hours_${issue.code}`, value: issue.path.split('.')[1] ?? '' };
  }
  for (const day of isoWeekdays) {
    const intervals = weekly[day];
    if (intervals) weekly[day] = sortByOpening(intervals);
  }
  return { weekly };
}

/**
 * The weekly hours in a comparable form: days in order, closed days left out, intervals sorted
 * and touching ones joined (9:00–12:00 + 12:00–13:00 is 9:00–13:00, as the text shows it).
 */
export function normalWeekly(weekly: WeeklySchedule): Record<string, Interval[]> {
  const result: Record<string, Interval[]> = {};
  for (const group of weeklySummary({ weekly })) {
    if (group.intervals.length === 0) continue;
    for (const day of group.weekdays) result[String(day)] = group.intervals;
  }
  return result;
}

function timeText(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}

/** "lun-ven 9:00-13:00; sab 9:00-12:00": what `parseWeeklyHoursText` reads back the same. */
export function formatWeeklyHoursText(weekly: WeeklySchedule, locale: 'it' | 'en'): string {
  const names = abbreviations[locale];
  return weeklySummary({ weekly })
    .filter((group) => group.intervals.length > 0)
    .map((group) => {
      const first = group.weekdays[0]!;
      const last = group.weekdays.at(-1)!;
      const days = first === last ? names[first] : `${names[first]}-${names[last]}`;
      const intervals = group.intervals
        .map((interval) => `${timeText(interval.opens)}-${timeText(interval.closes)}`)
        .join(', ');
      return `${days} ${intervals}`;
    })
    .join('; ');
}
