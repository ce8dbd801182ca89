/** One process as seen in /proc/<pid>/stat (proc(5)): what the peak-memory and CPU sampler needs. */
export interface ProcStat {
  pid: number;
  ppid: number;
  /** user + system CPU time of the process itself, in clock ticks */
  cpuTicks: number;
  /** user + system CPU time of its waited-for children, in clock ticks */
  childCpuTicks: number;
  /** resident set size, in pages */
  rssPages: number;
}

/**
 * Parses the text of /proc/<pid>/stat. The command name (field 2) is in parentheses and may itself contain
 * spaces or parentheses, so fields are counted from the last ')'. Returns null for text that is not a stat line.
 */
export function parseProcStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  const open = text.indexOf('(');
  if (close < 0 || open < 0) return null;
  const pid = Number(text.slice(0, open).trim());
  // After ')': field 3 (state) is index 0, so field n is index n − 3.
  const f = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const field = (n: number) => Number(f[n - 3]);
  const out: ProcStat = {
    pid,
    ppid: field(4),
    cpuTicks: field(14) + field(15),
    childCpuTicks: field(16) + field(17),
    rssPages: field(24),
  };
  return Object.values(out).every((v) => Number.isFinite(v)) ? out : null;
}

/** The pids of `root` and all its descendants among `procs` (by parent pid), root included if present. */
export function processTree(root: number, procs: readonly ProcStat[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of procs) {
    const list = children.get(p.ppid) ?? [];
    list.push(p.pid);
    children.set(p.ppid, list);
  }
  const tree = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (tree.has(pid)) continue;
    tree.add(pid);
    for (const c of children.get(pid) ?? []) stack.push(c);
  }
  return tree;
}

/** Sum of RSS (bytes) over the tree rooted at `root`. */
export function treeRssBytes(root: number, procs: readonly ProcStat[], pageBytes: number): number {
  const tree = processTree(root, procs);
  let pages = 0;
  for (const p of procs) if (tree.has(p.pid)) pages += p.rssPages;
  return pages * pageBytes;
}
