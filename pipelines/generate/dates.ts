/** Dates are day numbers since 1970-01-01 (UTC) in the generator's typed arrays. */
const MS_PER_DAY = 86_400_000;
const FIRST_CACHED = Date.UTC(1980, 0, 1) / MS_PER_DAY;
const LAST_CACHED = Date.UTC(2040, 11, 31) / MS_PER_DAY;

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

let yearCache: Int16Array | null = null;

/** Calendar year of a day number (table lookup inside 1980–2040: the simulation asks per entity per year). */
export function yearOfDay(d: number): number {
  if (d < FIRST_CACHED || d > LAST_CACHED) return new Date(d * MS_PER_DAY).getUTCFullYear();
  if (!yearCache) {
    yearCache = new Int16Array(LAST_CACHED - FIRST_CACHED + 1);
    for (let i = 0; i < yearCache.length; i++)
      yearCache[i] = new Date((FIRST_CACHED + i) * MS_PER_DAY).getUTCFullYear();
  }
  return yearCache[d - FIRST_CACHED];
}

let isoCache: string[] | null = null;

/** `2019-03-05`; cached because snapshots format the same dates millions of times. */
export function isoDate(d: number): string {
  if (d >= FIRST_CACHED && d <= LAST_CACHED) {
    isoCache ??= Array.from({ length: LAST_CACHED - FIRST_CACHED + 1 }, (_, i) =>
      formatIso(FIRST_CACHED + i),
    );
    return isoCache[d - FIRST_CACHED];
  }
  return formatIso(d);
}

function formatIso(d: number): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `2019年3月5日`, a format the contract accepts. */
export function chineseDate(d: number): string {
  const t = new Date(d * MS_PER_DAY);
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
}
