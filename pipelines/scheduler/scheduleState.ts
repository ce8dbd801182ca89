import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';

export interface JobState {
  /** The last fire time the scheduler handled (ISO); catch-up looks for fire times missed after it. */
  last_fire: string;
  last_status?: 'succeeded' | 'nothing-to-do' | 'failed' | 'skipped' | 'interrupted';
  last_run_id?: string | null;
  attempts?: number;
}

export interface ScheduleState {
  jobs: Record<string, JobState>;
  /** Alerts already sent to notify_command: alert_id → the run that sent it (monitor jobs). */
  notified_alerts?: Record<string, string>;
}

export interface StateStore {
  load(): ScheduleState;
  save(state: ScheduleState): void;
}

/** The scheduler's memory across restarts, one JSON file replaced atomically. */
export function fileStateStore(path: string): StateStore {
  return {
    load() {
      if (!existsSync(path)) return { jobs: {} };
      return JSON.parse(readFileSync(path, 'utf8')) as ScheduleState;
    },
    save(state) {
      writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
    },
  };
}

export function memoryStateStore(
  initial: ScheduleState = { jobs: {} },
): StateStore & { state: ScheduleState } {
  const store = {
    state: structuredClone(initial),
    load: () => structuredClone(store.state),
    save: (s: ScheduleState) => {
      store.state = structuredClone(s);
    },
  };
  return store;
}
