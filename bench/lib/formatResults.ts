import { type Cost, type ResultRow, ratioOf } from './resultRow.ts';

const secs = (c: Cost | null) =>
  c === null ? '—' : c.ok ? `${c.wallSeconds.toFixed(2)} s (cpu ${c.cpuSeconds.toFixed(1)} s)` : 'failed';
const mem = (c: Cost | null) =>
  c === null || !c.ok ? '—' : `${(c.peakTreeRssBytes / 2 ** 20).toFixed(0)} MB`;
const ratio = (r: number | null) => (r === null ? '—' : `${r.toFixed(2)}×`);

/** The results table as Markdown: stage, scale, xiaowei, baseline, ratio (wall and CPU), peak memory of each. */
export function formatTable(rows: readonly ResultRow[]): string {
  const lines = [
    '| stage | scale | xiaowei (wall, cpu) | baseline | baseline (wall, cpu) | ratio wall | ratio cpu | peak mem xiaowei | peak mem baseline |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.stage} | ${r.scale} | ${secs(r.subject)} | ${r.baseline?.label ?? '—'} | ${secs(r.baseline)} | ${ratio(
        ratioOf(r, 'wallSeconds'),
      )} | ${ratio(ratioOf(r, 'cpuSeconds'))} | ${mem(r.subject)} | ${mem(r.baseline)} |`,
    );
  }
  return lines.join('\n');
}
