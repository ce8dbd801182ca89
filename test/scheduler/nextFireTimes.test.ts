import { describe, expect, it } from 'vitest';
import { formatZoned } from '../../pipelines/scheduler/formatZoned.ts';
import { fireTimesBetween, nextFireTimes } from '../../pipelines/scheduler/nextFireTimes.ts';
import { zonedTimeToInstant } from '../../pipelines/scheduler/zonedTime.ts';

const SH = 'Asia/Shanghai';
const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('nextFireTimes', () => {
  it('fires the annual report at 04:00 Shanghai time on 31 January, i.e. 20:00 UTC on 30 January', () => {
    // Shanghai is UTC+8 all year: 04:00 local = 20:00 UTC the day before.
    expect(iso(nextFireTimes('0 4 31 1 *', SH, new Date('2026-02-01T00:00:00Z'), 2))).toEqual([
      '2027-01-30T20:00:00.000Z',
      '2028-01-30T20:00:00.000Z',
    ]);
  });

  it('fires the quarterly scorecard on the 20th of the month after each quarter at 03:00 local', () => {
    expect(
      nextFireTimes('0 3 20 1,4,7,10 *', SH, new Date('2026-01-20T00:00:00Z'), 5).map((d) =>
        formatZoned(d, SH),
      ),
    ).toEqual([
      '2026-04-20 03:00:00',
      '2026-07-20 03:00:00',
      '2026-10-20 03:00:00',
      '2027-01-20 03:00:00',
      '2027-04-20 03:00:00',
    ]);
  });

  it('counts a fire time equal to `from` as past (strictly after)', () => {
    const at = new Date('2026-01-30T18:00:00Z'); // 2026-01-31 02:00 in Shanghai
    expect(iso(nextFireTimes('0 2 * * *', SH, at, 1))).toEqual(['2026-01-31T18:00:00.000Z']);
  });

  it('keeps 02:00 Shanghai at 18:00 UTC in winter and summer alike (no DST)', () => {
    const winter = nextFireTimes('0 2 * * *', SH, new Date('2026-01-10T00:00:00Z'), 1)[0];
    const summer = nextFireTimes('0 2 * * *', SH, new Date('2026-07-10T00:00:00Z'), 1)[0];
    expect(winter.toISOString()).toBe('2026-01-10T18:00:00.000Z');
    expect(summer.toISOString()).toBe('2026-07-10T18:00:00.000Z');
  });

  it('crosses month and leap-year ends by the local calendar', () => {
    // 2028 is a leap year: the last-day-of-month token 'L' lands on 29 February.
    expect(
      nextFireTimes('0 0 L 2 *', SH, new Date('2028-01-01T00:00:00Z'), 1).map((d) => formatZoned(d, SH)),
    ).toEqual(['2028-02-29 00:00:00']);
  });

  it('requires both day-of-month and day-of-week to match, as node-cron does', () => {
    // 20 April 2026 is a Monday; the next 20th that is a Monday after that is 20 July 2026.
    expect(
      nextFireTimes('0 3 20 * 1', SH, new Date('2026-04-01T00:00:00Z'), 2).map((d) => formatZoned(d, SH)),
    ).toEqual(['2026-04-20 03:00:00', '2026-07-20 03:00:00']);
  });

  it('walks seconds-level expressions second by second across local midnight', () => {
    // 15:59:58.5 UTC = 23:59:58.5 Shanghai; the next whole seconds are :59, then midnight, then :01.
    expect(iso(nextFireTimes('*/1 * * * * *', SH, new Date('2026-02-01T15:59:58.500Z'), 3))).toEqual([
      '2026-02-01T15:59:59.000Z',
      '2026-02-01T16:00:00.000Z',
      '2026-02-01T16:00:01.000Z',
    ]);
  });

  it('skips a wall-clock time that a daylight-saving gap removes (New York, 8 March 2026)', () => {
    // 02:30 does not exist in New York on 2026-03-08 (clocks jump 02:00 → 03:00).
    expect(
      zonedTimeToInstant(
        { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 },
        'America/New_York',
      ),
    ).toBe(null);
    expect(iso(nextFireTimes('30 2 * * *', 'America/New_York', new Date('2026-03-07T00:00:00Z'), 2))).toEqual(
      [
        '2026-03-07T07:30:00.000Z', // EST, UTC-5
        '2026-03-09T06:30:00.000Z', // EDT, UTC-4
      ],
    );
  });

  it('rejects an invalid expression and one that does not fire within eight years', () => {
    expect(() => nextFireTimes('61 * * * *', SH, new Date(), 1)).toThrow(/invalid cron expression/);
    // 29 February falls on a Monday in 2044, not before: nothing in 2026–2034.
    expect(() => nextFireTimes('0 0 29 2 1', SH, new Date('2026-01-01T00:00:00Z'), 1)).toThrow(/never fires/);
  });

  it('lists every fire time in (after, until]', () => {
    const times = fireTimesBetween(
      '0 2 * * *',
      SH,
      new Date('2026-01-28T18:00:00Z'),
      new Date('2026-01-31T02:00:00Z'),
    );
    expect(iso(times)).toEqual(['2026-01-29T18:00:00.000Z', '2026-01-30T18:00:00.000Z']);
  });
});
