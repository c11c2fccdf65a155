import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../core/opening-hours.ts';
import { readOpeningHours } from './desks.ts';
import { addDays, displayTime, localDate, openState, telHref, upcomingChanges } from './present.ts';

const mondayMornings: OpeningHours = {
  weekly: { 1: [{ opens: '09:00', closes: '13:00' }] },
  exceptions: [{ date: '2026-12-14', closed: true }],
  closedOnPublicHolidays: true,
};

describe('help desk presentation', () => {
  it('reads stored hours, as JSON text or object, and refuses other shapes', () => {
    expect(readOpeningHours(JSON.stringify(mondayMornings))).toMatchObject(mondayMornings);
    expect(readOpeningHours(mondayMornings)).toMatchObject(mondayMornings);
    for (const bad of [
      null,
      'not json',
      {},
      { weekly: [], exceptions: [] },
      { weekly: { 1: [{ opens: '9', closes: '13:00' }] }, exceptions: [] },
      { weekly: {}, exceptions: [{ date: 'tomorrow', closed: true }] },
    ]) {
      expect(readOpeningHours(bad)).toBeNull();
    }
  });

  it('says when a closed desk opens next, on the desk’s wall clock', () => {
    // Monday 23 November 2026, 12:59 and 13:00 in Rome (UTC+1); then Wednesday 25.
    expect(openState('it', mondayMornings, new Date('2026-11-23T11:59:00Z'))).toEqual({
      open: true,
      next: null,
    });
    expect(openState('it', mondayMornings, new Date('2026-11-23T12:00:00Z')).next).toMatch(
      /^Apre lunedì 30 novembre alle 9:00$/i,
    );
    expect(openState('en', mondayMornings, new Date('2026-11-25T08:00:00Z')).next).toMatch(
      /^Opens Monday at 9:00$/i,
    );
    // From Tuesday 8 December (a holiday), Monday 14 is closed: it opens on Monday 21.
    expect(openState('it', mondayMornings, new Date('2026-12-08T08:00:00Z')).next).toMatch(
      /^Apre lunedì 21 dicembre alle 9:00$/i,
    );
    expect(openState('it', { ...mondayMornings, weekly: {} }, new Date()).next).toBeNull();
  });

  it('lists holidays and exceptions of the coming days', () => {
    const changes = upcomingChanges(mondayMornings, new Date('2026-12-01T10:00:00Z'), 30);
    expect(changes.map((change) => [change.date, change.reason])).toEqual([
      ['2026-12-08', 'holiday'],
      ['2026-12-14', 'closed_exception'],
      ['2026-12-25', 'holiday'],
      ['2026-12-26', 'holiday'],
    ]);
  });

  it('formats dates, times and phone links', () => {
    expect(localDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(displayTime('09:05')).toBe('9:05');
    expect(displayTime('24:00')).toBe('24:00');
    expect(telHref('+39 055 123-4567')).toBe('tel:+390551234567');
  });
});
