import { describe, expect, it } from 'vitest';
import { addDays, INACTIVITY_NOTICE_DAYS, inactiveCaseStep } from './retention.ts';

const settings = { inactiveMonths: 36, timeZone: 'Europe/Rome' };
const at = (iso: string) => new Date(iso);

describe('open cases without activity', () => {
  const lastActivityAt = at('2026-03-10T09:00:00Z');

  it('keeps a case until the notice before the end of the period', () => {
    expect(
      inactiveCaseStep({ lastActivityAt, warnedAt: null }, at('2029-02-07T12:00:00Z'), settings),
    ).toEqual({
      step: 'keep',
    });
  });

  it('warns once the period ends within the notice, naming the earliest erasure', () => {
    // Kept until 2029-03-10; the notice starts 30 days before.
    expect(
      inactiveCaseStep({ lastActivityAt, warnedAt: null }, at('2029-02-08T12:00:00Z'), settings),
    ).toEqual({
      step: 'warn',
      eraseFrom: '2029-03-11',
    });
    // Found late (the job did not run): still a full notice from today.
    expect(
      inactiveCaseStep({ lastActivityAt, warnedAt: null }, at('2030-01-01T12:00:00Z'), settings),
    ).toEqual({
      step: 'warn',
      eraseFrom: addDays('2030-01-01', INACTIVITY_NOTICE_DAYS),
    });
  });

  it('erases only after the period and the full notice since the warning', () => {
    const warnedAt = at('2029-02-08T01:00:00Z');
    const item = { lastActivityAt, warnedAt };
    expect(inactiveCaseStep(item, at('2029-03-10T20:00:00Z'), settings)).toEqual({ step: 'keep' });
    expect(inactiveCaseStep(item, at('2029-03-11T08:00:00Z'), settings)).toEqual({
      step: 'erase',
      lastActivityOn: '2026-03-10',
    });
    const late = { lastActivityAt, warnedAt: at('2030-01-01T01:00:00Z') };
    expect(inactiveCaseStep(late, at('2030-01-30T12:00:00Z'), settings)).toEqual({ step: 'keep' });
    expect(inactiveCaseStep(late, at('2030-01-31T12:00:00Z'), settings).step).toBe('erase');
  });

  it('restarts the clock on any activity after a warning', () => {
    const item = {
      lastActivityAt: at('2029-02-20T10:00:00Z'),
      warnedAt: at('2029-02-08T01:00:00Z'),
    };
    expect(inactiveCaseStep(item, at('2029-03-11T08:00:00Z'), settings)).toEqual({ step: 'keep' });
    expect(inactiveCaseStep(item, at('2032-01-21T08:00:00Z'), settings).step).toBe('warn');
  });

  it('counts in local days: activity late on the 31st is on the next day in Rome', () => {
    const item = { lastActivityAt: at('2026-12-31T23:30:00Z'), warnedAt: null };
    expect(inactiveCaseStep(item, at('2029-12-02T12:00:00Z'), settings)).toEqual({
      step: 'warn',
      eraseFrom: '2030-01-02',
    });
  });
});
