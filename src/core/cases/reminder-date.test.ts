import { describe, expect, it } from 'vitest';
import { defaultRemindOn, subtractWorkingDays } from './reminder-date.ts';

describe('deadline reminder dates', () => {
  it('counts working days back, skipping weekends and holidays', () => {
    // Monday 2026-11-30 → Thursday 2026-11-26.
    expect(subtractWorkingDays('2026-11-30', 2)).toBe('2026-11-26');
    // Wednesday 2026-12-09: Tuesday 8 December is a holiday → Friday 4 and Monday 7.
    expect(subtractWorkingDays('2026-12-09', 2)).toBe('2026-12-04');
    expect(subtractWorkingDays('2026-12-09', 0)).toBe('2026-12-09');
    expect(() => subtractWorkingDays('2026-12-09', -1)).toThrow(RangeError);
  });

  it('reminds two working days before, never before today and never after the deadline', () => {
    expect(defaultRemindOn('2026-11-30', '2026-11-20')).toBe('2026-11-26');
    expect(defaultRemindOn('2026-11-30', '2026-11-27')).toBe('2026-11-27');
    expect(defaultRemindOn('2026-11-30', '2026-11-30')).toBe('2026-11-30');
  });
});
