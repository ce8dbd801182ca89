import type { SnapshotRow } from './publishedSnapshot.ts';

/** One revision: a published figure that changed at the precision printed (mart.revisions). */
export interface Revision extends Omit<SnapshotRow, 'value' | 'value_text' | 'status'> {
  old_text: string;
  new_text: string;
  old_run_id: string;
  new_run_id: string;
}

/**
 * The figures whose printed value changed between two builds: only cells published before (shown or
 * withheld; a missing one and a year added are not revisions) whose value at the printed precision differs
 * — a change of suppression pattern alone is not a revision. Each side keeps what was printed then and now,
 * so a withheld side reads "—" and a revision never shows a withheld value. Pure.
 */
export function diffSnapshots(
  previous: readonly SnapshotRow[],
  current: readonly SnapshotRow[],
  runs: { previous: string; current: string },
): Revision[] {
  const before = new Map(previous.map((r) => [r.cell_key, r]));
  const out: Revision[] = [];
  for (const now of current) {
    const old = before.get(now.cell_key);
    if (!old || old.status === 'missing') continue;
    const isText = old.value === null && old.status === 'shown';
    const changed = isText ? old.value_text !== now.value_text : old.value !== now.value;
    if (!changed) continue;
    const { value: _v, value_text, status: _s, ...identity } = now;
    out.push({
      ...identity,
      old_text: old.value_text,
      new_text: value_text,
      old_run_id: runs.previous,
      new_run_id: runs.current,
    });
  }
  return out;
}
