import type { Interval, TimeOfDay } from './types.ts';

export const MINUTES_PER_DAY = 1440;

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** An interval as minutes since local midnight, `closes` exclusive. */
export interface MinuteRange {
  opens: number;
  closes: number;
}

/**
 * Minutes since midnight, or null when malformed. "24:00" is only a closing time: it lets an
 * interval run to the end of the day, which "23:59" (exclusive) would stop one minute short of.
 */
export function parseTimeOfDay(value: TimeOfDay, role: 'opens' | 'closes'): number | null {
  if (role === 'closes' && value === '24:00') return MINUTES_PER_DAY;
  const match = TIME_PATTERN.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatTimeOfDay(minutes: number): TimeOfDay {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** For schedules that are used, not validated: a malformed time is a bug upstream, so throw. */
export function toMinuteRange(interval: Interval): MinuteRange {
  const opens = parseTimeOfDay(interval.opens, 'opens');
  const closes = parseTimeOfDay(interval.closes, 'closes');
  if (opens === null || closes === null) {
    throw new RangeError(`malformed interval ${interval.opens}–${interval.closes}`);
  }
  return { opens, closes };
}

export function sortByOpening(intervals: readonly Interval[]): Interval[] {
  return intervals
    .map((interval) => ({ interval, range: toMinuteRange(interval) }))
    .sort((a, b) => a.range.opens - b.range.opens || a.range.closes - b.range.closes)
    .map(({ interval }) => ({ opens: interval.opens, closes: interval.closes }));
}

/**
 * Closing is exclusive so that touching intervals (9:00–12:00, 12:00–13:00) never both claim
 * 12:00, and "closes 12:30" means the door is shut at 12:30.
 */
export function containsMinute(range: MinuteRange, minute: number): boolean {
  return range.opens <= minute && minute < range.closes;
}
