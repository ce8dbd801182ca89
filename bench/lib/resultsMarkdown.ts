import { formatTable } from './formatResults.ts';
import type { GoalResult } from './goals.ts';
import type { ResultRow } from './resultRow.ts';
import type { PeerCheck } from './runStages.ts';

export interface MachineInfo {
  cores: number;
  totalMemBytes: number;
  loadAverage: number[];
  node: string;
  cpuModel: string;
}

export interface ResultsDoc {
  date: string;
  command: string;
  machine: MachineInfo;
  rows: ResultRow[];
  goals: GoalResult[];
  checks: PeerCheck[];
  notes: string[];
  /** hand-written analysis appended as is (why goals were missed), if any */
  analysis?: string;
}

/**
 * The line between what the bench writes and the hand-written analysis below it. A later invocation that
 * rewrites the file keeps everything after it (keptAnalysis), so the analysis is never lost or spliced by hand.
 */
export const ANALYSIS_MARKER =
  '<!-- Hand-written analysis below this line: `npm run bench` keeps it when it rewrites the file. -->';

/**
 * The hand-written analysis of an existing results file: the text after ANALYSIS_MARKER, or undefined when
 * the file has no marker or nothing after it. Pure.
 * Example: keptAnalysis(`# Benchmark…\n${ANALYSIS_MARKER}\n## Why\n…`) → '## Why\n…'.
 */
export function keptAnalysis(existing: string): string | undefined {
  const at = existing.indexOf(ANALYSIS_MARKER);
  if (at < 0) return undefined;
  const text = existing.slice(at + ANALYSIS_MARKER.length).trim();
  return text === '' ? undefined : text;
}

/** The results file: machine, method, the table, goals, the peers' equality checks and notes. Pure. */
export function resultsMarkdown(doc: ResultsDoc): string {
  const m = doc.machine;
  const goalLines = doc.goals.map(
    (g) =>
      `- ${g.met === null ? '⚪ not measured' : g.met ? '✅ met' : '❌ missed'} — ${g.goal}: ${g.measured}`,
  );
  const checkLines = doc.checks.map((c) => {
    if (!c.comparison)
      return `- ${c.peer} (${c.scale}): did not finish${c.error ? `: ${c.error.trim().split('\n').pop()}` : ''}`;
    const mm = c.comparison.mismatches;
    const head = `- ${c.peer} (${c.scale}): ${c.comparison.compared} index values compared with mart.growth_index, ${mm.length} mismatches`;
    return mm.length === 0
      ? head
      : `${head}; first: ${mm
          .slice(0, 5)
          .map((x) => `${x.key} ${x.field} xiaowei=${x.expected} peer=${x.actual}`)
          .join('; ')}`;
  });
  return [
    `# Benchmark results ${doc.date}`,
    '',
    `Command: \`${doc.command}\``,
    '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${(m.totalMemBytes / 2 ** 30).toFixed(1)} GB memory, Node ${m.node}; load average at start ${m.loadAverage.map((x) => x.toFixed(1)).join(' / ')} (the machine is shared: compare ratios within this run, not absolute times across runs).`,
    '',
    'Method: every command runs as a child process. Wall = elapsed time; cpu = user + sys of the whole process tree (`/usr/bin/time`, which includes every descendant it waited for); peak mem = the largest sum of RSS over the process tree, sampled from /proc every 50 ms. Ratios: for a baseline that is the limit (DuckDB alone) ratio = xiaowei ÷ baseline (lower is better); for the peers ratio = peer ÷ xiaowei (the speed-up).',
    '',
    formatTable(doc.rows),
    '',
    '## Goals (reported, not tests)',
    '',
    ...goalLines,
    '',
    "## Peers' index values checked against xiaowei (relative tolerance 1e-9)",
    '',
    ...(checkLines.length ? checkLines : ['- not run']),
    '',
    ...(doc.notes.length ? ['## Notes', '', ...doc.notes.map((n) => `- ${n}`), ''] : []),
    ...(doc.analysis ? [ANALYSIS_MARKER, '', doc.analysis.trim(), ''] : []),
  ].join('\n');
}
