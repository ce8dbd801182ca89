import { describe, expect, it } from 'vitest';
import { parseProcStat, processTree, treeRssBytes } from '../../bench/lib/procStat.ts';

// A real /proc/<pid>/stat line (proc(5)) with a command name holding a space and a ')'.
const line = (pid: number, ppid: number, rss: number, comm = 'node') =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194304 100 0 0 0 250 40 7 3 20 0 11 0 1000 123456789 ${rss} 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0`;

describe('parseProcStat', () => {
  it('reads ppid, CPU ticks and RSS pages counting fields from the last parenthesis', () => {
    const s = parseProcStat(line(42, 7, 5000, 'we ird) name'));
    // utime 250 + stime 40 = 290 ticks; cutime 7 + cstime 3 = 10; rss field 24 = 5000 pages
    expect(s).toEqual({ pid: 42, ppid: 7, cpuTicks: 290, childCpuTicks: 10, rssPages: 5000 });
  });
  it('returns null for text that is not a stat line', () => {
    expect(parseProcStat('garbage')).toBeNull();
  });
});

describe('process tree memory', () => {
  const procs = [
    line(1, 0, 10),
    line(10, 1, 100),
    line(11, 10, 200),
    line(12, 11, 300),
    line(20, 1, 999),
  ].map((l) => parseProcStat(l)!);
  it('collects a root and all its descendants, not its siblings', () => {
    expect([...processTree(10, procs)].sort((a, b) => a - b)).toEqual([10, 11, 12]);
  });
  it('sums RSS over the tree: (100 + 200 + 300) pages × 4096 bytes', () => {
    expect(treeRssBytes(10, procs, 4096)).toBe(600 * 4096);
  });
  it('is zero once the root has gone', () => {
    expect(treeRssBytes(99, procs, 4096)).toBe(0);
  });
});
