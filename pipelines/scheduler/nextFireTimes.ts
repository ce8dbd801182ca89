import { parse, validateDetailed } from 'node-cron';
import { type LocalDateTime, weekdayOf, zonedParts, zonedTimeToInstant } from './zonedTime.ts';

// How far ahead to look before declaring an expression impossible (e.g. "0 0 31 2 *").
const MAX_DAYS_SCANNED = 366 * 8;

interface CronFields {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: (number | 'L')[];
  months: Set<number>;
  weekdays: Set<number>;
}

/**
 * Parses a 5- or 6-field cron expression with node-cron's own parser, so the fire times we
 * compute agree with the ones node-cron fires. Throws with node-cron's message when invalid.
 */
export function parseCron(expression: string): CronFields {
  const check = validateDetailed(expression);
  if (!check.valid) {
    throw new Error(
      `invalid cron expression "${expression}": ${check.errors.map((e) => e.message).join('; ')}`,
    );
  }
  const f = parse(expression);
  const numeric = (values: (number | string)[], field: string): number[] =>
    values.map((v) => {
      if (typeof v !== 'number')
        throw new Error(`cron "${expression}": ${field} token "${v}" is not supported`);
      return v;
    });
  const daysOfMonth = f.dayOfMonth.map((v) => {
    if (v === 'L') return 'L' as const;
    return numeric([v], 'day-of-month')[0];
  });
  const asc = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return {
    seconds: asc(f.second),
    minutes: asc(f.minute),
    hours: asc(f.hour),
    daysOfMonth,
    months: new Set(f.month),
    weekdays: new Set(numeric(f.dayOfWeek, 'day-of-week')),
  };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// node-cron requires day-of-month AND day-of-week to match (classic cron ORs them); we follow node-cron.
function dayMatches(f: CronFields, year: number, month: number, day: number): boolean {
  if (!f.months.has(month)) return false;
  if (!f.weekdays.has(weekdayOf(year, month, day))) return false;
  return f.daysOfMonth.some((d) => (d === 'L' ? day === lastDayOfMonth(year, month) : d === day));
}

/**
 * The next `n` instants strictly after `from` at which `expression` fires in `timeZone`.
 * Pure: the clock is the `from` argument. Example: nextFireTimes('0 4 31 1 *', 'Asia/Shanghai',
 * new Date('2026-02-01T00:00:00Z'), 1) → [2027-01-30T20:00:00Z] (04:00 on 31 January, UTC+8).
 */
export function nextFireTimes(expression: string, timeZone: string, from: Date, n: number): Date[] {
  const f = parseCron(expression);
  const out: Date[] = [];
  if (n <= 0) return out;
  const start = zonedParts(from, timeZone);
  const fromMs = from.getTime();
  const startSecondOfDay = start.hour * 3600 + start.minute * 60 + start.second;
  let cursor = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, cursor += 86_400_000) {
    const d = new Date(cursor);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    if (!dayMatches(f, year, month, day)) continue;
    for (const hour of f.hours) {
      for (const minute of f.minutes) {
        for (const second of f.seconds) {
          // On the first day skip times already past without asking Intl (seconds-level crons are 86,400 a day).
          if (i === 0 && hour * 3600 + minute * 60 + second < startSecondOfDay) continue;
          const local: LocalDateTime = { year, month, day, hour, minute, second };
          const at = zonedTimeToInstant(local, timeZone);
          if (!at || at.getTime() <= fromMs) continue;
          out.push(at);
          if (out.length === n) return out;
        }
      }
    }
  }
  if (out.length === 0)
    throw new Error(`cron "${expression}" never fires within ${MAX_DAYS_SCANNED} days (8 years)`);
  return out;
}

/** Every fire time in the half-open interval (after, until]; at most `limit` of them, latest last. */
export function fireTimesBetween(
  expression: string,
  timeZone: string,
  after: Date,
  until: Date,
  limit = 1000,
): Date[] {
  const out: Date[] = [];
  let cursor = after;
  while (out.length < limit) {
    const [next] = nextFireTimes(expression, timeZone, cursor, 1);
    if (!next || next.getTime() > until.getTime()) break;
    out.push(next);
    cursor = next;
  }
  return out;
}
