import type { Frame } from './types.ts';

export interface ScreenedUnit {
  uCode: string;
  time: number | null;
  availability: number;
}

/**
 * METHOD.md §5: availability = 1 − missing / number of indicators; a row is kept iff
 * availability ≥ threshold. Returns kept row indices and the removed rows with their availability.
 */
export function screenUnits(frame: Frame, threshold: number): { keep: number[]; removed: ScreenedUnit[] } {
  const cols = Object.values(frame.columns);
  const keep: number[] = [];
  const removed: ScreenedUnit[] = [];
  frame.keys.forEach((k, i) => {
    let missing = 0;
    for (const c of cols) if (c[i] === null) missing++;
    const availability = cols.length === 0 ? 1 : 1 - missing / cols.length;
    if (availability >= threshold) keep.push(i);
    else removed.push({ uCode: k.uCode, time: k.time, availability });
  });
  return { keep, removed };
}
