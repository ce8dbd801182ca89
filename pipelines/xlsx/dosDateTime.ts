/**
 * A zip entry's modification time in MS-DOS format, from the UTC fields of `at` (zip has no time zone, so
 * the same input gives the same bytes on every machine). DOS dates start in 1980; earlier dates clamp to it.
 */
export function dosDateTime(at: Date): { date: number; time: number } {
  if (Number.isNaN(at.getTime())) throw new Error('zip entry time: invalid date');
  if (at.getUTCFullYear() < 1980) return { date: (1 << 5) | 1, time: 0 };
  return {
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  };
}
