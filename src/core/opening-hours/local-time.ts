import { DAY_MS, MINUTE_MS, epochDay } from './calendar.ts';
import type { CalendarDate } from './types.ts';

/** A wall-clock reading in some time zone, to the minute. */
export interface LocalDateTime {
  date: CalendarDate;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // hourCycle 'h23' rather than hour12: false, which some engines render as "24" at midnight.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localDateTime(instant: Date | number, timeZone: string): LocalDateTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';
  return {
    date: `${field('year').padStart(4, '0')}-${field('month')}-${field('day')}`,
    minutes: Number(field('hour')) * 60 + Number(field('minute')),
  };
}

/** The zone's UTC offset in minutes; whole-minute offsets are all that zones have used since 1972. */
function offsetMinutesAt(instant: number, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  return epochDay(local.date) * 1440 + local.minutes - Math.floor(instant / MINUTE_MS);
}

/** A stretch of time in which local time is UTC plus a fixed `offset` (minutes). */
export interface OffsetSpan {
  from: number;
  to: number;
  offset: number;
  /** True when `from` is the instant the offset changed (a DST change), not the search start. */
  startsAtChange: boolean;
}

/**
 * The first instant in (from, until] at which the offset differs from `offset`, to the minute.
 * Probing once a day assumes a zone never changes its offset twice within 24 hours.
 */
function nextOffsetChange(
  from: number,
  offset: number,
  until: number,
  timeZone: string,
): number | null {
  let unchanged = Math.floor(from / MINUTE_MS);
  for (let probe = Math.min(from + DAY_MS, until); ; probe = Math.min(probe + DAY_MS, until)) {
    const probeMinute = Math.floor(probe / MINUTE_MS);
    if (offsetMinutesAt(probeMinute * MINUTE_MS, timeZone) !== offset) {
      return bisectOffsetChange(unchanged, probeMinute, offset, timeZone) * MINUTE_MS;
    }
    if (probe >= until) return null;
    unchanged = probeMinute;
  }
}

function bisectOffsetChange(
  unchanged: number,
  changed: number,
  offset: number,
  timeZone: string,
): number {
  while (changed - unchanged > 1) {
    const middle = Math.floor((unchanged + changed) / 2);
    if (offsetMinutesAt(middle * MINUTE_MS, timeZone) === offset) unchanged = middle;
    else changed = middle;
  }
  return changed;
}

/** Splits [from, until) at each change of the zone's UTC offset, lazily and in order. */
export function* constantOffsetSpans(
  from: number,
  until: number,
  timeZone: string,
): Generator<OffsetSpan> {
  let start = from;
  let offset = offsetMinutesAt(from, timeZone);
  let startsAtChange = false;
  while (start < until) {
    const change = nextOffsetChange(start, offset, until, timeZone);
    yield { from: start, to: change ?? until, offset, startsAtChange };
    if (change === null) return;
    start = change;
    offset = offsetMinutesAt(change, timeZone);
    startsAtChange = true;
  }
}
