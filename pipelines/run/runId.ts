import { randomBytes } from 'node:crypto';

/**
 * A run id from the injected clock (UTC, to the second) and an injected random suffix, so ids sort by start
 * time and two runs in the same second still differ. Example: makeRunId(new Date('2026-01-30T18:00:00Z'), 'ab12')
 * → '20260130T180000-ab12'.
 */
export function makeRunId(now: Date, suffix: string): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '');
  return `${stamp}-${suffix}`;
}

/** Run ids appear in file names; this is the shape we accept from the command line. */
export const RUN_ID_PATTERN = /^\d{8}T\d{6}-[0-9a-z]{1,16}$/;

/** A new run id for a command: the injected clock plus 4 random hex digits, e.g. `20260131T020000-3fa2`. */
export function newRunId(now: Date, random: () => string = () => randomBytes(2).toString('hex')): string {
  return makeRunId(now, random());
}
