import { describe, expect, it } from 'vitest';
import { addWorkingDays, dueDate, isWorkingDay, localDate } from './working-days.ts';

describe('working days', () => {
  it('counts a Friday evening report + 2 working days as due on Tuesday', () => {
    // Friday 20 November 2026, 19:30 in Rome.
    expect(dueDate(new Date('2026-11-20T18:30:00Z'), 2, 'Europe/Rome')).toBe('2026-11-24');
  });

  it('uses the local date: 23:30 UTC on a Friday is already Saturday in Rome', () => {
    expect(localDate(new Date('2026-11-20T23:30:00Z'), 'Europe/Rome')).toBe('2026-11-21');
    // From Saturday, two working days are Monday and Tuesday.
    expect(dueDate(new Date('2026-11-20T23:30:00Z'), 2, 'Europe/Rome')).toBe('2026-11-24');
  });

  it('skips Easter Monday', () => {
    // Easter 2027 is 28 March: Monday 29 March is a holiday.
    expect(isWorkingDay('2027-03-29')).toBe(false);
    expect(addWorkingDays('2027-03-26', 1)).toBe('2027-03-30');
  });

  it('skips 25 April, Liberation Day, and weekends', () => {
    // 25 April 2028 is a Tuesday.
    expect(isWorkingDay('2028-04-25')).toBe(false);
    expect(addWorkingDays('2028-04-24', 1)).toBe('2028-04-26');
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true);
  });

  it('crosses the new year over its holidays', () => {
    // 24 Dec 2026 (Thu) + 3: 28, 29, 30 December (25, 26 and the weekend skipped).
    expect(addWorkingDays('2026-12-24', 3)).toBe('2026-12-30');
    // 31 Dec 2026 (Thu) + 2: 1 Jan is a holiday, 4 and 5 January (6 January is Epiphany).
    expect(addWorkingDays('2026-12-31', 2)).toBe('2027-01-05');
  });

  it('keeps the day itself for zero days and refuses negative counts', () => {
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-21');
    expect(() => addWorkingDays('2026-11-21', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-21', 1.5)).toThrow(RangeError);
  });
});
