// `npm run bench -- [startup|ingest|build|report|run|incremental|index|all ...] [--scale city|province|both]`
// Measures xiaowei's stages against DuckDB alone and the growth index against pandas and danfojs-node, and
// writes bench/results/<date>.md. The clock, machine facts and paths are read here, at the edge only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freshCompiledEntry } from '../bin/compiledCli.js';
import { parseBenchArgs } from './lib/benchArgs.ts';
import { formatTable } from './lib/formatResults.ts';
import { evaluateGoals } from './lib/goals.ts';
import { mergeRows, type SavedRow } from './lib/mergeRows.ts';
import { keptAnalysis, resultsMarkdown } from './lib/resultsMarkdown.ts';
import { type BenchOutcome, runStages } from './lib/runStages.ts';

const repo = join(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const args = parseBenchArgs(argv);
const work = join(repo, 'bench', 'work');
mkdirSync(work, { recursive: true });
const getconf = (name: string, fallback: number) => {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
  } catch {
    return fallback;
  }
};
const log = (line: string) => process.stderr.write(`${line}\n`);
const date = new Date().toISOString().slice(0, 10);
const machine = {
  cores: os.cpus().length,
  totalMemBytes: os.totalmem(),
  loadAverage: os.loadavg(),
  node: process.versions.node,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
};

const outcome: BenchOutcome = { rows: [], checks: [], notes: [] };
// Measure the CLI as installed: compiled to JavaScript (npm's prepare step), up to date with the sources.
execFileSync(process.execPath, ['scripts/compile-cli.mjs'], { cwd: repo, stdio: 'inherit' });
outcome.notes.push(
  freshCompiledEntry(repo)
    ? 'The CLI ran compiled (dist/cli, up to date with the sources).'
    : 'The CLI ran from the TypeScript sources through tsx: compiling failed (see the log).',
);
for (const scale of args.scales) {
  log(`bench: ${scale}: ${args.stages.join(', ')}`);
  try {
    await runStages(
      {
        repo,
        work,
        log,
        relTol: 1e-9,
        reportYear: 2020,
        reportDate: '2021-01-31',
        measure: {
          clockTicks: getconf('CLK_TCK', 100),
          pageBytes: getconf('PAGESIZE', 4096),
          monotonicMs: () => performance.now(),
        },
      },
      scale,
      args.stages,
      outcome,
    );
  } catch (err) {
    // Rows measured before the failure are kept and written.
    outcome.notes.push(`${scale}: stopped: ${(err as Error).message}`);
    log(`bench: ${scale} stopped: ${(err as Error).message}`);
  }
}

// Rows of earlier invocations (e.g. province scale run on its own) are kept for stages not measured now.
const savedFile = join(work, 'rows.json');
const stamp = new Date().toISOString();
const previous: SavedRow[] = existsSync(savedFile) ? JSON.parse(readFileSync(savedFile, 'utf8')) : [];
const rows = mergeRows(
  previous,
  outcome.rows.map((r) => ({ ...r, measuredAt: stamp })),
);
writeFileSync(savedFile, JSON.stringify(rows));
const earlier = rows.filter((r) => r.measuredAt !== stamp);
if (earlier.length > 0)
  outcome.notes.push(
    `Rows measured by earlier invocations and kept: ${earlier.map((r) => `${r.stage}/${r.scale} (${r.measuredAt})`).join('; ')}.`,
  );
const resultsDir = join(repo, 'bench', 'results');
const target = join(resultsDir, `${date}.md`);
// The analysis appended: bench/work/analysis.md when there is one, else the one the day's file already holds.
const analysisFile = join(work, 'analysis.md');
const analysis = existsSync(analysisFile)
  ? readFileSync(analysisFile, 'utf8')
  : existsSync(target)
    ? keptAnalysis(readFileSync(target, 'utf8'))
    : undefined;
const doc = resultsMarkdown({
  date,
  command: `npm run bench -- ${argv.join(' ')}`.trim(),
  machine,
  rows,
  goals: evaluateGoals(rows),
  checks: outcome.checks,
  notes: outcome.notes,
  analysis,
});
process.stdout.write(`${formatTable(rows)}\n`);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${target}.tmp`, doc);
renameSync(`${target}.tmp`, target);
log(`bench: wrote ${target}`);
