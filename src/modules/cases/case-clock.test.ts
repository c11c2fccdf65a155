import { describe, expect, it } from 'vitest';
import { addMonths } from '../../core/cases/retention.ts';
import { overdueFlags, retentionUntil, type CaseClock } from './case-clock.ts';
import type { CaseSettings } from './case-settings.ts';

const clock = (overrides: Partial<CaseClock> = {}): CaseClock => ({
  status: 'received',
  acknowledgeDueOn: '2026-11-24',
  takeInChargeDueOn: '2026-11-27',
  takenInChargeAt: null,
  ...overrides,
});

describe('overdue flags', () => {
  it('is on time until the end of the due day', () => {
    expect(overdueFlags(clock(), '2026-11-24')).toEqual({
      acknowledge: false,
      takeInCharge: false,
    });
  });

  it('flags acknowledging from the next day while the case is still received', () => {
    expect(overdueFlags(clock(), '2026-11-25')).toEqual({ acknowledge: true, takeInCharge: false });
    expect(overdueFlags(clock({ status: 'in_triage' }), '2026-11-25').acknowledge).toBe(false);
  });

  it('flags taking in charge while received or in triage', () => {
    expect(overdueFlags(clock({ status: 'in_triage' }), '2026-11-28').takeInCharge).toBe(true);
    expect(overdueFlags(clock({ status: 'received' }), '2026-11-28')).toEqual({
      acknowledge: true,
      takeInCharge: true,
    });
    for (const status of ['taken_in_charge', 'in_progress', 'closed', 'withdrawn'] as const) {
      expect(overdueFlags(clock({ status }), '2027-01-01')).toEqual({
        acknowledge: false,
        takeInCharge: false,
      });
    }
  });

  it('does not flag a reopened case that was taken in charge before', () => {
    const reopened = clock({ status: 'in_triage', takenInChargeAt: new Date('2026-11-25') });
    expect(overdueFlags(reopened, '2027-01-01').takeInCharge).toBe(false);
  });
});

describe('retention', () => {
  it('adds months and keeps the day, clamped to the month end', () => {
    expect(addMonths('2026-11-23', 6)).toBe('2027-05-23');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 60)).toBe('2031-01-15');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });

  const settings: CaseSettings = {
    timeZone: 'Europe/Rome',
    acknowledgeWorkingDays: 2,
    takeInChargeWorkingDays: 5,
    retentionMonths: { closed: 60, not_pertinent: 12, redirected: 12, withdrawn: 6 },
    inactiveMonths: 36,
  };

  it('counts from the local date of the final state, per state', () => {
    // 23:30 UTC on 31 December is already 1 January in Rome.
    const finalAt = new Date('2026-12-31T23:30:00Z');
    expect(retentionUntil(finalAt, 'withdrawn', settings)).toBe('2027-07-01');
    expect(retentionUntil(finalAt, 'closed', settings)).toBe('2032-01-01');
    expect(retentionUntil(finalAt, 'redirected', settings)).toBe('2028-01-01');
  });
});
