import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  hoursOn,
  isOpenAt,
  italianPublicHolidays,
  nextOpening,
  validateOpeningHours,
  weeklySummary,
  type Interval,
  type OpeningHours,
  type ScheduleException,
  type ValidationIssue,
  type WeeklySchedule,
} from './opening-hours.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

const iv = (opens: string, closes: string): Interval => ({ opens, closes });
const morningAndAfternoon = [iv('09:00', '12:30'), iv('14:30', '17:00')];

/** Monday–Friday 9:00–12:30 and 14:30–17:00, closed at weekends and on public holidays. */
function buildHours(overrides: Partial<OpeningHours> = {}): OpeningHours {
  const weekly: WeeklySchedule = {};
  for (const weekday of [1, 2, 3, 4, 5] as const) weekly[weekday] = morningAndAfternoon;
  return { weekly, exceptions: [], closedOnPublicHolidays: true, ...overrides };
}

const at = (iso: string): Date => new Date(iso);

describe('validateOpeningHours', () => {
  const cases: { name: string; hours: Partial<OpeningHours>; issues: ValidationIssue[] }[] = [
    { name: 'a plain schedule', hours: {}, issues: [] },
    {
      name: 'touching intervals and a day running to 24:00',
      hours: { weekly: { 6: [iv('12:00', '24:00'), iv('08:00', '12:00')] } },
      issues: [],
    },
    {
      name: 'an hour without a leading zero',
      hours: { weekly: { 1: [iv('9:00', '12:00')] } },
      issues: [{ path: 'weekly.1.0.opens', code: 'invalid_time' }],
    },
    {
      name: '24:00 as an opening time',
      hours: { weekly: { 1: [iv('24:00', '24:00')] } },
      issues: [{ path: 'weekly.1.0.opens', code: 'invalid_time' }],
    },
    {
      name: 'minutes past 59 and hours past 24',
      hours: { weekly: { 1: [iv('09:00', '12:60')], 2: [iv('09:00', '24:30')] } },
      issues: [
        { path: 'weekly.1.0.closes', code: 'invalid_time' },
        { path: 'weekly.2.0.closes', code: 'invalid_time' },
      ],
    },
    {
      name: 'closing before opening, and an empty interval',
      hours: {
        weekly: { 2: [iv('12:00', '09:00')], 3: [iv('09:00', '10:00'), iv('11:00', '11:00')] },
      },
      issues: [
        { path: 'weekly.2.0.closes', code: 'ends_before_start' },
        { path: 'weekly.3.1.closes', code: 'ends_before_start' },
      ],
    },
    {
      name: 'overlapping intervals, blaming the one that starts later',
      hours: { weekly: { 3: [iv('11:00', '13:00'), iv('09:00', '12:00')] } },
      issues: [{ path: 'weekly.3.0.opens', code: 'overlap' }],
    },
    {
      name: 'an interval inside another',
      hours: { weekly: { 4: [iv('09:00', '17:00'), iv('14:00', '15:00'), iv('16:00', '18:00')] } },
      issues: [
        { path: 'weekly.4.1.opens', code: 'overlap' },
        { path: 'weekly.4.2.opens', code: 'overlap' },
      ],
    },
    {
      name: 'impossible and malformed exception dates',
      hours: {
        exceptions: [
          { date: '2026-02-29', closed: true },
          { date: '2026-13-01', closed: true },
          { date: '26-12-24', closed: true },
          { date: '2028-02-29', closed: true },
        ],
      },
      issues: [
        { path: 'exceptions.0.date', code: 'invalid_date' },
        { path: 'exceptions.1.date', code: 'invalid_date' },
        { path: 'exceptions.2.date', code: 'invalid_date' },
      ],
    },
    {
      name: 'a date given twice',
      hours: {
        exceptions: [
          { date: '2026-12-24', intervals: [iv('09:00', '12:00')] },
          { date: '2026-12-31', closed: true },
          { date: '2026-12-24', closed: true },
        ],
      },
      issues: [{ path: 'exceptions.2.date', code: 'duplicate_date' }],
    },
    {
      name: 'special hours with no interval',
      hours: { exceptions: [{ date: '2026-12-24', intervals: [] }] },
      issues: [{ path: 'exceptions.0.intervals', code: 'empty_exception' }],
    },
    {
      name: 'bad intervals inside an exception',
      hours: {
        exceptions: [
          { date: '2026-12-24', intervals: [iv('10:00', '09:00')] },
          { date: '2026-12-31', intervals: [iv('09:00', '12:00'), iv('11:30', '13:00')] },
        ],
      },
      issues: [
        { path: 'exceptions.0.intervals.0.closes', code: 'ends_before_start' },
        { path: 'exceptions.1.intervals.1.opens', code: 'overlap' },
      ],
    },
    {
      name: 'malformed, impossible and repeated local holidays',
      hours: { localHolidays: ['06-24', '6-24', '02-30', '06-24', '02-29'] },
      issues: [
        { path: 'localHolidays.1', code: 'invalid_date' },
        { path: 'localHolidays.2', code: 'invalid_date' },
        { path: 'localHolidays.3', code: 'duplicate_date' },
      ],
    },
  ];

  for (const { name, hours, issues } of cases) {
    it(`reports ${name}`, () => {
      expect(validateOpeningHours(buildHours(hours))).toEqual(issues);
    });
  }
});

describe('italianPublicHolidays', () => {
  const easters: [number, string][] = [
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ];
  for (const [year, easter] of easters) {
    it(`puts Easter ${year} on ${easter}, with Easter Monday the day after`, () => {
      expect(easterSunday(year)).toBe(easter);
      const holidays = italianPublicHolidays(year);
      expect(holidays).toContain(easter);
      expect(holidays[holidays.indexOf(easter) + 1]).toBe(
        new Date(Date.parse(easter) + DAY).toISOString().slice(0, 10),
      );
    });
  }

  it('lists the national holidays of 2025 in order', () => {
    expect(italianPublicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-01-06',
      '2025-04-20',
      '2025-04-21',
      '2025-04-25',
      '2025-05-01',
      '2025-06-02',
      '2025-08-15',
      '2025-11-01',
      '2025-12-08',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('adds San Francesco (4 October) from 2026, by Law 151/2025', () => {
    expect(italianPublicHolidays(2025)).not.toContain('2025-10-04');
    expect(italianPublicHolidays(2026)).toContain('2026-10-04');
    expect(italianPublicHolidays(2027)).toHaveLength(13);
  });

  it('merges local holidays, once each, and skips 29 February in common years', () => {
    const holidays = italianPublicHolidays(2026, ['06-24', '12-25', '02-29']);
    expect(holidays).toContain('2026-06-24');
    expect(holidays.filter((date) => date === '2026-12-25')).toHaveLength(1);
    expect(holidays).not.toContain('2026-02-29');
    expect(italianPublicHolidays(2028, ['02-29'])).toContain('2028-02-29');
  });

  it('refuses malformed local holidays and years outside the Gregorian calendar', () => {
    expect(() => italianPublicHolidays(2026, ['24-06'])).toThrow(RangeError);
    expect(() => italianPublicHolidays(1500)).toThrow(RangeError);
    expect(() => italianPublicHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('hoursOn', () => {
  const christmasEve: ScheduleException = { date: '2026-12-24', intervals: [iv('09:00', '12:00')] };
  const cases: {
    name: string;
    hours: OpeningHours;
    date: string;
    expected: ReturnType<typeof hoursOn>;
  }[] = [
    {
      name: 'an ordinary Monday follows the week',
      hours: buildHours(),
      date: '2026-03-30',
      expected: { intervals: morningAndAfternoon, reason: 'weekly' },
    },
    {
      name: 'a Saturday without hours is closed by the week',
      hours: buildHours(),
      date: '2026-03-28',
      expected: { intervals: [], reason: 'weekly' },
    },
    {
      name: 'special hours replace the week',
      hours: buildHours({ exceptions: [christmasEve] }),
      date: '2026-12-24',
      expected: { intervals: [iv('09:00', '12:00')], reason: 'exception' },
    },
    {
      name: 'a closed exception closes a working day',
      hours: buildHours({ exceptions: [{ date: '2026-03-30', closed: true }] }),
      date: '2026-03-30',
      expected: { intervals: [], reason: 'closed_exception' },
    },
    {
      name: 'a public holiday closes the desk',
      hours: buildHours(),
      date: '2026-04-06',
      expected: { intervals: [], reason: 'holiday' },
    },
    {
      name: 'an exception opens the desk on a public holiday',
      hours: buildHours({
        exceptions: [{ date: '2026-04-06', intervals: [iv('10:00', '12:00')] }],
      }),
      date: '2026-04-06',
      expected: { intervals: [iv('10:00', '12:00')], reason: 'exception' },
    },
    {
      name: 'a desk that ignores holidays keeps its week',
      hours: buildHours({ closedOnPublicHolidays: false }),
      date: '2026-04-06',
      expected: { intervals: morningAndAfternoon, reason: 'weekly' },
    },
    {
      name: 'a local patron saint closes the desk',
      hours: buildHours({ localHolidays: ['06-24'] }),
      date: '2026-06-24',
      expected: { intervals: [], reason: 'holiday' },
    },
    {
      name: 'intervals come back sorted',
      hours: buildHours({ weekly: { 2: [iv('14:30', '17:00'), iv('09:00', '12:30')] } }),
      date: '2026-03-31',
      expected: { intervals: morningAndAfternoon, reason: 'weekly' },
    },
  ];
  for (const { name, hours, date, expected } of cases) {
    it(name, () => {
      expect(hoursOn(hours, date)).toEqual(expected);
    });
  }

  it('refuses a date that does not exist', () => {
    expect(() => hoursOn(buildHours(), '2026-02-30')).toThrow(RangeError);
  });
});

describe('isOpenAt', () => {
  const hours = buildHours();
  const cases: [string, boolean][] = [
    ['2026-03-30T08:59:59.999+02:00', false],
    ['2026-03-30T09:00:00+02:00', true], // opening is inclusive
    ['2026-03-30T12:29:59.999+02:00', true],
    ['2026-03-30T12:30:00+02:00', false], // closing is exclusive
    ['2026-03-30T14:30:00+02:00', true],
    ['2026-03-30T17:00:00+02:00', false],
    ['2026-03-28T10:00:00+01:00', false], // Saturday
    ['2026-04-06T10:00:00+02:00', false], // Easter Monday
  ];
  for (const [instant, open] of cases) {
    it(`is ${open ? 'open' : 'closed'} at ${instant}`, () => {
      expect(isOpenAt(hours, at(instant))).toBe(open);
    });
  }

  it('reads the instant in the given time zone', () => {
    expect(isOpenAt(hours, at('2026-03-30T07:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, at('2026-03-30T07:00:00Z'), 'UTC')).toBe(false);
    expect(isOpenAt(hours, at('2026-03-30T09:00:00Z'), 'UTC')).toBe(true);
  });

  it('keeps a 24:00 closing open until the last minute of the day', () => {
    const evening = buildHours({ weekly: { 1: [iv('20:00', '24:00')] } });
    expect(isOpenAt(evening, at('2026-03-30T23:59:59+02:00'))).toBe(true);
    expect(isOpenAt(evening, at('2026-03-31T00:00:00+02:00'))).toBe(false);
  });

  it('opens on a holiday only when an exception says so', () => {
    const easterMonday = at('2026-04-06T10:30:00+02:00');
    expect(isOpenAt(buildHours(), easterMonday)).toBe(false);
    const opened = buildHours({
      exceptions: [{ date: '2026-04-06', intervals: [iv('10:00', '12:00')] }],
    });
    expect(isOpenAt(opened, easterMonday)).toBe(true);
    expect(isOpenAt(opened, at('2026-04-06T09:30:00+02:00'))).toBe(false);
  });

  it('skips the missing hour on 29 March 2026, when clocks go forward at 02:00', () => {
    const night = buildHours({
      exceptions: [{ date: '2026-03-29', intervals: [iv('01:00', '04:00')] }],
    });
    expect(isOpenAt(night, at('2026-03-29T01:59:00+01:00'))).toBe(true);
    expect(isOpenAt(night, at('2026-03-29T03:00:00+02:00'))).toBe(true); // one minute later
    expect(isOpenAt(night, at('2026-03-29T04:00:00+02:00'))).toBe(false); // after 2 real hours
    const inTheGap = buildHours({
      exceptions: [{ date: '2026-03-29', intervals: [iv('02:00', '02:45')] }],
    });
    for (let minute = 0; minute < 4 * 60; minute += 1) {
      expect(
        isOpenAt(inTheGap, new Date(Date.parse('2026-03-28T23:00:00Z') + minute * MINUTE)),
      ).toBe(false);
    }
  });

  it('opens twice in the repeated hour on 25 October 2026, when clocks go back at 03:00', () => {
    const repeated = buildHours({
      exceptions: [{ date: '2026-10-25', intervals: [iv('02:30', '02:45')] }],
    });
    expect(isOpenAt(repeated, at('2026-10-25T02:30:00+02:00'))).toBe(true);
    expect(isOpenAt(repeated, at('2026-10-25T02:45:00+02:00'))).toBe(false);
    expect(isOpenAt(repeated, at('2026-10-25T02:30:00+01:00'))).toBe(true);
    expect(isOpenAt(repeated, at('2026-10-25T02:45:00+01:00'))).toBe(false);
    const sunday = buildHours({ weekly: { 7: [iv('09:00', '17:00')] } });
    expect(isOpenAt(sunday, at('2026-10-25T08:59:00+01:00'))).toBe(false);
    expect(isOpenAt(sunday, at('2026-10-25T09:00:00+01:00'))).toBe(true);
  });
});

describe('nextOpening', () => {
  const hours = buildHours();
  const expectOpening = (
    instant: string,
    date: string,
    opens: string,
    atIso: string,
    desk = hours,
  ) => {
    expect(nextOpening(desk, at(instant))).toEqual({ date, opens, at: at(atIso) });
  };

  it('crosses a weekend', () => {
    expectOpening('2026-03-20T17:30:00+01:00', '2026-03-23', '09:00', '2026-03-23T09:00:00+01:00');
  });

  it('crosses the Easter bridge: Saturday, Easter Sunday and Easter Monday', () => {
    expectOpening('2026-04-03T17:00:00+02:00', '2026-04-07', '09:00', '2026-04-07T09:00:00+02:00');
  });

  it('crosses Christmas with a closed Christmas Eve', () => {
    const desk = buildHours({ exceptions: [{ date: '2026-12-24', closed: true }] });
    expectOpening(
      '2026-12-23T17:00:00+01:00',
      '2026-12-28',
      '09:00',
      '2026-12-28T09:00:00+01:00',
      desk,
    );
  });

  it('answers the instant itself when the desk opens exactly then', () => {
    expectOpening('2026-03-30T09:00:00+02:00', '2026-03-30', '09:00', '2026-03-30T09:00:00+02:00');
  });

  it('gives the next opening after the current one when the desk is open', () => {
    expectOpening('2026-03-30T10:00:00+02:00', '2026-03-30', '14:30', '2026-03-30T14:30:00+02:00');
  });

  it('treats touching intervals and 24:00 followed by 00:00 as one opening', () => {
    const desk = buildHours({
      weekly: { 1: [iv('09:00', '12:00'), iv('12:00', '24:00')], 2: [iv('00:00', '02:00')] },
      closedOnPublicHolidays: false,
    });
    expectOpening(
      '2026-03-30T10:00:00+02:00',
      '2026-04-06',
      '09:00',
      '2026-04-06T09:00:00+02:00',
      desk,
    );
  });

  it('opens at 03:00 when the opening time falls in the hour skipped on 29 March 2026', () => {
    const desk = buildHours({
      exceptions: [{ date: '2026-03-29', intervals: [iv('02:30', '04:00')] }],
    });
    expectOpening(
      '2026-03-29T00:00:00+01:00',
      '2026-03-29',
      '03:00',
      '2026-03-29T03:00:00+02:00',
      desk,
    );
  });

  it('opens again in the repeated hour on 25 October 2026', () => {
    const desk = buildHours({
      exceptions: [{ date: '2026-10-25', intervals: [iv('01:00', '02:30')] }],
    });
    // Closed at 02:30 summer time; at 03:00 summer time the clock reads 02:00 again, inside the hours.
    expectOpening(
      '2026-10-25T02:40:00+02:00',
      '2026-10-25',
      '02:00',
      '2026-10-25T02:00:00+01:00',
      desk,
    );
  });

  it('finds nothing beyond the horizon', () => {
    expect(nextOpening(hours, at('2026-03-20T17:30:00+01:00'), 'Europe/Rome', 2)).toBeNull();
    expect(nextOpening(hours, at('2026-03-20T17:30:00+01:00'), 'Europe/Rome', 3)).not.toBeNull();
    expect(nextOpening(buildHours({ weekly: {} }), at('2026-03-20T12:00:00Z'))).toBeNull();
  });

  it('refuses a horizon that is not a positive number of days', () => {
    expect(() => nextOpening(hours, at('2026-03-20T12:00:00Z'), 'Europe/Rome', 0)).toThrow(
      RangeError,
    );
    expect(() => nextOpening(hours, at('2026-03-20T12:00:00Z'), 'Europe/Rome', 1.5)).toThrow(
      RangeError,
    );
  });
});

describe('weeklySummary', () => {
  it('groups consecutive days with the same hours, closed days included', () => {
    const hours = buildHours({
      weekly: {
        1: [iv('09:00', '13:00')],
        2: [iv('09:00', '13:00')],
        3: [iv('09:00', '11:00'), iv('11:00', '13:00')],
        4: [iv('09:00', '13:00')],
        5: [iv('09:00', '13:00'), iv('14:00', '16:00')],
        6: [],
      },
    });
    expect(weeklySummary(hours)).toEqual([
      { weekdays: [1, 2, 3, 4], intervals: [iv('09:00', '13:00')] },
      { weekdays: [5], intervals: [iv('09:00', '13:00'), iv('14:00', '16:00')] },
      { weekdays: [6, 7], intervals: [] },
    ]);
  });

  it('does not group days that are not consecutive', () => {
    const hours = buildHours({ weekly: { 1: [iv('09:00', '12:00')], 3: [iv('09:00', '12:00')] } });
    expect(weeklySummary(hours).map((group) => group.weekdays)).toEqual([
      [1],
      [2],
      [3],
      [4, 5, 6, 7],
    ]);
  });
});

// Properties draw times on a 15-minute grid, so that intervals meet, touch and overlap often.

const GRID = 15;
const toTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Any well-formed interval, overlapping or not. */
const anyInterval = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 24 }))
  .map(([start, length]) => iv(toTime(start * GRID), toTime(Math.min(96, start + length) * GRID)));

/**
 * Disjoint intervals built as gap, length, gap, length… on the grid: a zero gap makes touching
 * intervals, and short gaps put openings in the small hours, where the DST changes happen.
 */
const disjointIntervals = (minLength: number) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 40 })),
        fc.integer({ min: 1, max: 24 }),
      ),
      { minLength, maxLength: 4 },
    )
    .map((steps) => {
      const intervals: Interval[] = [];
      let cursor = 0;
      for (const [gap, length] of steps) {
        const opens = cursor + gap;
        if (opens >= 96) break;
        cursor = Math.min(96, opens + length);
        intervals.push(iv(toTime(opens * GRID), toTime(cursor * GRID)));
      }
      return intervals;
    })
    .filter((intervals) => intervals.length >= minLength);

const interestingDates = [
  '2026-03-28',
  '2026-03-29',
  '2026-03-30',
  '2026-04-05',
  '2026-04-06',
  '2026-10-24',
  '2026-10-25',
  '2026-10-26',
  '2026-12-24',
  '2026-12-25',
];

const validHours: fc.Arbitrary<OpeningHours> = fc.record({
  weekly: fc.record(
    {
      1: disjointIntervals(0),
      2: disjointIntervals(0),
      3: disjointIntervals(0),
      4: disjointIntervals(0),
      5: disjointIntervals(0),
      6: disjointIntervals(0),
      7: disjointIntervals(0),
    },
    { requiredKeys: [] },
  ),
  exceptions: fc.uniqueArray(
    fc.oneof(
      fc
        .constantFrom(...interestingDates)
        .map((date): ScheduleException => ({ date, closed: true })),
      fc
        .tuple(fc.constantFrom(...interestingDates), disjointIntervals(1))
        .map(([date, intervals]): ScheduleException => ({ date, intervals })),
    ),
    { selector: (exception) => exception.date, maxLength: 4 },
  ),
  closedOnPublicHolidays: fc.boolean(),
  localHolidays: fc.subarray(['03-29', '06-24', '10-25']),
});

/** Instants close to the 2026 DST changes and holidays in Rome, or anywhere in 2025–2027. */
const anchors = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-04-06T00:00:00Z',
  '2026-12-24T12:00:00Z',
].map(Date.parse);
const instants = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...anchors),
      fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
      fc.integer({ min: 0, max: 59_999 }),
    )
    .map(([anchor, minutes, ms]) => new Date(anchor + minutes * MINUTE + ms)),
  fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
);

/**
 * Rome's wall clock by the EU rule (summer time from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October), written independently of the Intl-based code.
 */
function romeWallClock(instant: Date): { date: string; minutes: number } {
  const year = instant.getUTCFullYear();
  const lastSundayAt1Utc = (month: number) => {
    const lastDay = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
  };
  const summer =
    instant.getTime() >= lastSundayAt1Utc(2) && instant.getTime() < lastSundayAt1Utc(9);
  const local = new Date(instant.getTime() + (summer ? 2 : 1) * 3_600_000);
  return {
    date: local.toISOString().slice(0, 10),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

const overlaps = (a: Interval, b: Interval) =>
  toMinutes(a.opens) < toMinutes(b.closes) && toMinutes(b.opens) < toMinutes(a.closes);

/** The reference for nextOpening: walk the horizon minute by minute, asking isOpenAt. */
function firstOpeningByMinutes(
  hours: OpeningHours,
  instant: Date,
  timeZone: string,
  horizonDays: number,
): number | null {
  const open = (time: number) => isOpenAt(hours, new Date(time), timeZone);
  const end = instant.getTime() + horizonDays * DAY;
  const firstMinute = Math.ceil(instant.getTime() / MINUTE) * MINUTE;
  let wasOpen = open(firstMinute - MINUTE);
  for (let time = firstMinute; time < end; time += MINUTE) {
    const isOpen = open(time);
    if (isOpen && !wasOpen) return time;
    wasOpen = isOpen;
  }
  return null;
}

describe('opening hours properties', () => {
  it('accepts a day exactly when no two of its intervals overlap', () => {
    fc.assert(
      fc.property(fc.array(anyInterval, { maxLength: 4 }), (intervals) => {
        const accepted =
          validateOpeningHours(buildHours({ weekly: { 1: intervals } })).length === 0;
        const disjoint = intervals.every((a, i) =>
          intervals.every((b, j) => i === j || !overlaps(a, b)),
        );
        expect(accepted).toBe(disjoint);
      }),
    );
  });

  it('accepts every generated valid schedule', () => {
    fc.assert(
      fc.property(validHours, (hours) => {
        expect(validateOpeningHours(hours)).toEqual([]);
      }),
    );
  });

  it('is open exactly when the local time falls in one of the day’s intervals', () => {
    fc.assert(
      fc.property(validHours, instants, (hours, instant) => {
        const local = romeWallClock(instant);
        const expected = hoursOn(hours, local.date).intervals.some(
          (interval) =>
            toMinutes(interval.opens) <= local.minutes &&
            local.minutes < toMinutes(interval.closes),
        );
        expect(isOpenAt(hours, instant)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the first minute at which the desk goes from closed to open', () => {
    // Mostly the hours before a DST change (Lord Howe's is half an hour), sometimes anywhere.
    const dstChanges: [string, string][] = [
      ['Europe/Rome', '2026-03-29T01:00:00Z'],
      ['Europe/Rome', '2026-10-25T01:00:00Z'],
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
    ];
    const beforeDstChange = fc
      .tuple(fc.constantFrom(...dstChanges), fc.integer({ min: 0, max: 2 * 1440 }), fc.nat(59_999))
      .map(([[timeZone, change], minutes, ms]) => ({
        timeZone,
        instant: new Date(Date.parse(change) - minutes * MINUTE + ms),
      }));
    const anywhere = fc.record({
      timeZone: fc.constantFrom('Europe/Rome', 'UTC'),
      instant: instants,
    });
    fc.assert(
      fc.property(
        validHours,
        fc.oneof({ arbitrary: beforeDstChange, weight: 3 }, { arbitrary: anywhere, weight: 1 }),
        fc.integer({ min: 1, max: 3 }),
        (hours, { timeZone, instant }, horizonDays) => {
          const expected = firstOpeningByMinutes(hours, instant, timeZone, horizonDays);
          const found = nextOpening(hours, instant, timeZone, horizonDays);
          expect(found?.at.getTime() ?? null).toBe(expected);
          if (found && timeZone === 'Europe/Rome') {
            expect(romeWallClock(found.at)).toEqual({
              date: found.date,
              minutes: toMinutes(found.opens),
            });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
