import { describe, expect, it } from 'vitest';
import { formatWeeklyHoursText, normalWeekly, parseWeeklyHoursText } from './opening-hours-text.ts';

const errorOf = (text: string) => {
  const result = parseWeeklyHoursText(text);
  return 'error' in result ? result.error : null;
};

const morning = [{ opens: '09:00', closes: '13:00' }];

describe('weekly opening hours typed in a spreadsheet', () => {
  it('reads Italian day ranges, several segments and several intervals', () => {
    expect(parseWeeklyHoursText('lun-ven 9:00-13:00; mar 15:00-18:00')).toEqual({
      weekly: {
        1: morning,
        2: [...morning, { opens: '15:00', closes: '18:00' }],
        3: morning,
        4: morning,
        5: morning,
      },
    });
    expect(parseWeeklyHoursText('Lunedì e Mercoledì 9.30-12, 14-17.30')).toEqual({
      weekly: {
        1: [
          { opens: '09:30', closes: '12:00' },
          { opens: '14:00', closes: '17:30' },
        ],
        3: [
          { opens: '09:30', closes: '12:00' },
          { opens: '14:00', closes: '17:30' },
        ],
      },
    });
    expect(parseWeeklyHoursText('giov. dalle 9 alle 13\nsab chiuso')).toEqual({
      weekly: { 4: morning },
    });
  });

  it('reads English days, en dashes and accents typed or not', () => {
    expect(parseWeeklyHoursText('Mon, Wed/Fri 09:00–13:00; Sat: 9-12')).toEqual({
      weekly: { 1: morning, 3: morning, 5: morning, 6: [{ opens: '09:00', closes: '12:00' }] },
    });
    expect(parseWeeklyHoursText('venerdi 20-24')).toEqual({
      weekly: { 5: [{ opens: '20:00', closes: '24:00' }] },
    });
    expect(parseWeeklyHoursText('')).toEqual({ weekly: {} });
  });

  it('names what it cannot read', () => {
    expect(parseWeeklyHoursText('lun-ven 9-13; marzo 9-13')).toEqual({
      error: 'hours_unknown_day',
      value: 'marzo 9-13',
    });
    expect(errorOf('ma 9-13')).toBe('hours_unknown_day');
    expect(errorOf('ven-lun 9-13')).toBe('hours_unknown_day');
    expect(parseWeeklyHoursText('lun 9:75-13')).toEqual({
      error: 'hours_bad_time',
      value: 'lun 9:75-13',
    });
    expect(errorOf('lun 9')).toBe('hours_bad_time');
    expect(errorOf('lun')).toBe('hours_missing_time');
    expect(errorOf('9-13')).toBe('hours_missing_days');
  });

  it('refuses overlaps and intervals that end before they start, by the form rules', () => {
    expect(parseWeeklyHoursText('lun-ven 9:00-13:00; mar 12:00-18:00')).toEqual({
      error: 'hours_overlap',
      value: '2',
    });
    expect(parseWeeklyHoursText('lun 13-9')).toEqual({
      error: 'hours_ends_before_start',
      value: '1',
    });
    // Touching intervals are fine, as closing is exclusive.
    expect('weekly' in parseWeeklyHoursText('lun 9-12, 12-13')).toBe(true);
  });

  it('writes the hours back as text that reads the same', () => {
    const weekly = {
      1: morning,
      2: [...morning, { opens: '15:00', closes: '18:00' }],
      3: morning,
      4: morning,
      5: morning,
      6: [{ opens: '09:00', closes: '12:00' }],
    };
    const text = formatWeeklyHoursText(weekly, 'it');
    expect(text).toBe(
      'lun 9:00-13:00; mar 9:00-13:00, 15:00-18:00; mer-ven 9:00-13:00; sab 9:00-12:00',
    );
    expect(parseWeeklyHoursText(text)).toEqual({ weekly });
    const english = formatWeeklyHoursText(weekly, 'en');
    expect(english).toContain('Wed-Fri 9:00-13:00');
    expect(parseWeeklyHoursText(english)).toEqual({ weekly });
  });

  it('compares schedules that differ only in how they are written', () => {
    expect(
      normalWeekly({
        1: [
          { opens: '12:00', closes: '13:00' },
          { opens: '09:00', closes: '12:00' },
        ],
        2: [],
      }),
    ).toEqual(normalWeekly({ 1: morning }));
  });
});
