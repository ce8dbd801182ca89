import { schedule } from 'node-cron';

export interface CronHandle {
  stop(): void;
}

/** Registers `onFire(scheduledTime)` for a cron expression in a zone; injected so tests fire jobs by hand. */
export type CronFactory = (
  expression: string,
  timeZone: string,
  name: string,
  onFire: (at: Date) => void,
) => CronHandle;

/** The real thing: node-cron 4 tasks. Overlap is handled by the scheduler, not node-cron. */
export const nodeCronFactory: CronFactory = (expression, timeZone, name, onFire) => {
  const task = schedule(expression, (ctx) => onFire(ctx.date), { timezone: timeZone, name });
  return {
    stop() {
      void task.destroy();
    },
  };
};
