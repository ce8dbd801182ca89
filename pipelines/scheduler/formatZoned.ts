import { zonedParts } from './zonedTime.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-01-31 04:00:00` as the wall clock in `timeZone` reads it. */
export function formatZoned(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}
