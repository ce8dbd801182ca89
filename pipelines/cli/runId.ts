import { randomBytes } from 'node:crypto';

/** A run id from the clock plus 4 random hex digits, e.g. `20260131T020000-3fa2` (UTC). */
export function newRunId(now: Date, random: () => string = () => randomBytes(2).toString('hex')): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '');
  return `${stamp}-${random()}`;
}
