import { writeFileSync } from 'node:fs';

/**
 * Crash-test hook for `xiaowei run`: with XIAOWEI_TEST_PAUSE_AT=build (comma-separated points allowed) and
 * XIAOWEI_TEST_PAUSE_FILE=/tmp/x, the run writes the point's name to that file when it reaches the point and
 * then waits forever, so a test can kill -9 it exactly there. Without the variables it is a no-op.
 */
export function pauseHookFromEnv(env: NodeJS.ProcessEnv): (point: string) => Promise<void> {
  const points = new Set((env.XIAOWEI_TEST_PAUSE_AT ?? '').split(',').filter(Boolean));
  const sentinel = env.XIAOWEI_TEST_PAUSE_FILE;
  if (points.size === 0 || !sentinel) return async () => {};
  return (point) => {
    if (!points.has(point)) return Promise.resolve();
    writeFileSync(sentinel, point);
    return new Promise<void>(() => {
      setInterval(() => {}, 60_000);
    });
  };
}
