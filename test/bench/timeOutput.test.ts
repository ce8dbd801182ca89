import { describe, expect, it } from 'vitest';
import { parseTimeOutput } from '../../bench/lib/timeOutput.ts';

describe('parseTimeOutput', () => {
  it('adds user and system seconds and converts KB to bytes', () => {
    const r = parseTimeOutput('XWBENCH_TIME wall=12.50 user=20.25 sys=1.75 maxrss_kb=2048 exit=0\n');
    // cpu = 20.25 + 1.75 = 22; 2048 KB = 2 MiB
    expect(r).toEqual({ wallSeconds: 12.5, cpuSeconds: 22, maxRssBytes: 2 * 2 ** 20, exitCode: 0 });
  });
  it('finds the line after a "Command exited with non-zero status" line', () => {
    const r = parseTimeOutput(
      'Command exited with non-zero status 3\nXWBENCH_TIME wall=1.00 user=0.50 sys=0.10 maxrss_kb=10 exit=3',
    );
    expect(r?.exitCode).toBe(3);
  });
  it('is null when time wrote nothing usable', () => {
    expect(parseTimeOutput('Command terminated by signal 9')).toBeNull();
  });
});
