import { describe, expect, it } from 'vitest';
import { periodChange } from './trend.ts';

describe('change against the period before', () => {
  it('is a share of the period before, flagged when either count is small', () => {
    expect(periodChange(120, 100)).toEqual({ share: 0.2, small: false });
    expect(periodChange(80, 100)).toEqual({ share: -0.2, small: false });
    expect(periodChange(24, 12)).toEqual({ share: 1, small: true });
    expect(periodChange(19, 40)?.small).toBe(true);
  });

  it('is not given when a count is hidden or there was nothing before', () => {
    expect(periodChange(null, 100)).toBeNull();
    expect(periodChange(100, null)).toBeNull();
    expect(periodChange(10, 0)).toBeNull();
  });
});
