/** Wall-clock parts of an instant in an IANA time zone (weekday: 0 = Sunday, as in cron). */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export type LocalDateTime = Omit<ZonedParts, 'weekday'>;

const formatters = new Map<string, Intl.DateTimeFormat>();

// Intl formatters are costly to build; one per zone is enough.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name this Node knows (e.g. Asia/Shanghai). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  const { year, month, day, hour, minute, second } = out;
  return { year, month, day, hour, minute, second, weekday: weekdayOf(year, month, day) };
}

/** Day of week of a calendar date (0 = Sunday), independent of any zone. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function offsetMs(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` reads `local`, or null when that reading never
 * happens (a daylight-saving gap). Asia/Shanghai has had no DST since 1991, so it is never null there.
 */
export function zonedTimeToInstant(local: LocalDateTime, timeZone: string): Date | null {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  let t = guess - offsetMs(guess, timeZone);
  const second = offsetMs(t, timeZone);
  if (guess - second !== t) t = guess - second;
  const back = zonedParts(new Date(t), timeZone);
  const same =
    back.year === local.year &&
    back.month === local.month &&
    back.day === local.day &&
    back.hour === local.hour &&
    back.minute === local.minute &&
    back.second === local.second;
  return same ? new Date(t) : null;
}
