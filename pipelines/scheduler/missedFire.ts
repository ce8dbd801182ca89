import { fireTimesBetween } from './nextFireTimes.ts';

/**
 * The fire time to catch up after downtime: the latest one in (lastFire, now], or null when none was missed.
 * Several missed fires of one job collapse into one catch-up run (each run processes the whole inbox anyway).
 */
export function missedFireTime(expression: string, timeZone: string, lastFire: Date, now: Date): Date | null {
  const missed = fireTimesBetween(expression, timeZone, lastFire, now, 10_000);
  return missed.length > 0 ? missed[missed.length - 1] : null;
}
