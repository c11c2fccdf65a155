/** Below this many reports a rate or a change from one period to the next says little. */
export const SMALL_NUMBERS_BELOW = 20;

export interface PeriodChange {
  /** The change as a share of the previous period: 0.12 for +12 %. */
  share: number;
  /** One of the two counts is small: the change moves a lot by chance. */
  small: boolean;
}

/**
 * The change of a count against the period before, from published counts only: none when
 * either is hidden (null) or the period before had nothing to compare with.
 */
export function periodChange(current: number | null, previous: number | null): PeriodChange | null {
  if (current === null || previous === null || previous === 0) return null;
  return {
    share: (current - previous) / previous,
    small: current < SMALL_NUMBERS_BELOW || previous < SMALL_NUMBERS_BELOW,
  };
}
