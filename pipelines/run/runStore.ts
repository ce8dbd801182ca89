import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import type { RunRecord } from './runRecord.ts';

/**
 * Run records live outside the warehouse, one small JSON file per run written atomically, so a run that is
 * killed still leaves its 'running' record behind for the next run to mark as crashed.
 */
export interface RunStore {
  dir: string;
  save(record: RunRecord): void;
  get(runId: string): RunRecord | undefined;
  /** All records, oldest first (run ids sort by start time). */
  list(): RunRecord[];
}

export function fileRunStore(dir: string): RunStore {
  const pathOf = (id: string) => join(dir, `${id}.json`);
  return {
    dir,
    save(record) {
      writeFileAtomic(pathOf(record.run_id), `${JSON.stringify(record, null, 2)}\n`);
    },
    get(runId) {
      const p = pathOf(runId);
      return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as RunRecord) : undefined;
    },
    list() {
      if (!existsSync(dir)) return [];
      const out: RunRecord[] = [];
      for (const name of readdirSync(dir).sort()) {
        if (!name.endsWith('.json') || name.startsWith('.')) continue;
        try {
          out.push(JSON.parse(readFileSync(join(dir, name), 'utf8')) as RunRecord);
        } catch {
          // A record is only ever replaced by rename, so an unreadable one was not written by us: skip it.
        }
      }
      return out;
    },
  };
}
