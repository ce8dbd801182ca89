import { vi } from 'vitest';

/**
 * Runs `write` twice with the JavaScript clock at two instants a day and some hours apart (only Date is faked,
 * so timers and I/O run as usual): a writer that reads the clock gives different bytes.
 */
export async function atTwoClockTimes<T>(write: (run: 0 | 1) => Promise<T> | T): Promise<[T, T]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(new Date('2026-01-01T08:00:00Z'));
    const first = await write(0);
    vi.setSystemTime(new Date('2026-01-02T17:31:07Z'));
    const second = await write(1);
    return [first, second];
  } finally {
    vi.useRealTimers();
  }
}
