import { describe, expect, it } from 'vitest';
import { dueReleaseYears, RELEASE_YEARS_BACK, releaseDueOn } from './releases.ts';

describe('public data releases', () => {
  it('makes a year due the given days after it ends, never before', () => {
    expect(releaseDueOn(2025, 0)).toBe('2026-01-01');
    expect(releaseDueOn(2025, 31)).toBe('2026-02-01');
    const due = (today: string) =>
      dueReleaseYears({
        today: today,
        delayDays: 31,
        firstYearWithReports: 2025,
        released: [],
      });
    expect(due('2025-12-31')).toEqual([]);
    expect(due('2026-01-31')).toEqual([]);
    expect(due('2026-02-01')).toEqual([2025]);
  });

  it('never releases the current year, whatever the delay', () => {
    expect(
      dueReleaseYears({
        today: '2026-12-31',
        delayDays: 0,
        firstYearWithReports: 2026,
        released: [],
      }),
    ).toEqual([]);
  });

  it('releases each complete year once, from the first year with reports', () => {
    const options = {
      today: '2026-12-06',
      delayDays: 31,
      firstYearWithReports: 2023,
    };
    expect(dueReleaseYears({ ...options, released: [] })).toEqual([2023, 2024, 2025]);
    expect(dueReleaseYears({ ...options, released: [2023, 2025] })).toEqual([2024]);
    expect(dueReleaseYears({ ...options, released: [2023, 2024, 2025] })).toEqual([]);
    expect(dueReleaseYears({ ...options, firstYearWithReports: null, released: [] })).toEqual([]);
  });

  it('goes back a bounded number of years for old records', () => {
    const due = dueReleaseYears({
      today: '2026-06-01',
      delayDays: 31,
      firstYearWithReports: 1995,
      released: [],
    });
    expect(due[0]).toBe(2026 - RELEASE_YEARS_BACK);
    expect(due.at(-1)).toBe(2025);
  });
});
