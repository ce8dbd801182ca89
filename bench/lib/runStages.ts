import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { quoteQualified } from '../../pipelines/db/sqlTemplate.ts';
import { openWarehouse, readRows, withConnection } from '../../pipelines/db/warehouse.ts';
import { orderModels, readModels } from '../../pipelines/models/modelFile.ts';
import type { Scale, Stage } from './benchArgs.ts';
import { compareIndex, type IndexComparison, parsePeerCsv } from './compareIndex.ts';
import { type Measurement, type MeasureOptions, measureProcess } from './measureProcess.ts';
import { startupCost } from './measureStartup.ts';
import { readGrowthIndex } from './readGrowthIndex.ts';
import type { Cost, ResultRow } from './resultRow.ts';

export interface BenchContext {
  repo: string;
  work: string;
  measure: Omit<MeasureOptions, 'cwd' | 'workDir'>;
  log: (line: string) => void;
  /** relative tolerance of the peers' index check */
  relTol: number;
  /** year the report stage renders, and its cover date (an input, never the clock) */
  reportYear: number;
  reportDate: string;
}

export interface PeerCheck {
  peer: string;
  scale: Scale;
  comparison: IndexComparison | null;
  error?: string;
}

export interface BenchOutcome {
  rows: ResultRow[];
  checks: PeerCheck[];
  notes: string[];
}

const PYTHON = '/usr/bin/python3';
const STARTUP_STAGE = 'start-up (--help)';
const STARTUP_RUNS = 11;

/** Runs the selected stages at one scale, each command as a measured child process. */
export async function runStages(
  ctx: BenchContext,
  scale: Scale,
  stages: readonly Stage[],
  out: BenchOutcome,
): Promise<void> {
  const w = (name: string) => join(ctx.work, `${scale}-${name}`);
  const xiaowei = (args: string[]) => ['bin/xiaowei.js', ...args];
  const measure = async (label: string, command: string, args: string[]): Promise<Measurement> => {
    ctx.log(`  measuring ${label} …`);
    const m = await measureProcess(label, command, args, {
      ...ctx.measure,
      cwd: ctx.repo,
      workDir: ctx.work,
    });
    ctx.log(
      `  ${label}: ${m.wallSeconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(1)} s cpu, ${(m.peakTreeRssBytes / 2 ** 20).toFixed(0)} MB peak, exit ${m.exitCode}`,
    );
    if (m.exitCode !== 0) ctx.log(`    stderr: ${m.stderr.slice(-800)}`);
    return m;
  };
  const costs = new Map<string, Cost>();
  // Start-up does not depend on the scale: measured once, at the first scale of the invocation.
  if (stages.includes('startup') && !out.rows.some((r) => r.stage === STARTUP_STAGE)) {
    const runs: Cost[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++)
      runs.push(cost(await measure('xiaowei --help', process.execPath, xiaowei(['--help']))));
    out.rows.push({
      stage: STARTUP_STAGE,
      scale: 'any',
      subject: startupCost(runs),
      baseline: null,
      ratioKind: 'none',
    });
  }
  if (stages.every((s) => s === 'startup')) return;
  const data = ensureData(ctx, scale, w('data'), 2024);

  if (stages.includes('ingest') || (stages.includes('index') && !existsSync(w('ingested.duckdb')))) {
    const db = w('ingest.duckdb');
    const base = w('readcsv.duckdb');
    for (const f of [db, `${db}.wal`, base, `${base}.wal`]) rmSync(f, { force: true });
    const files = readdirSync(data)
      .filter((f) => f.endsWith('.csv') && f !== 'faults.csv')
      .sort()
      .map((f) => join(data, f));
    // Both sides read the extracts from the page cache: whichever ran first would otherwise pay the disk.
    warmPageCache(files);
    const b = cost(
      await measure('DuckDB read_csv', process.execPath, [
        'bench/baselines/duckdb_ingest.mjs',
        base,
        ...files,
      ]),
    );
    const x = cost(
      await measure(
        'xiaowei ingest',
        process.execPath,
        xiaowei(['ingest', data, '--db', db, '--run-id', 'bench-ingest']),
      ),
    );
    costs.set('ingest', x);
    out.rows.push({ stage: 'ingest', scale, subject: x, baseline: b, ratioKind: 'subject/baseline' });
    if (x.ok) {
      // Moved, not copied: at province scale every copy of a warehouse costs gigabytes of disk.
      renameSync(db, w('ingested.duckdb'));
      out.notes.push(await ingestRate(w('ingested.duckdb'), scale, x, b));
    }
    rmSync(base, { force: true });
  }

  if (
    stages.includes('build') ||
    stages.includes('index') ||
    stages.includes('report') ||
    stages.includes('uncertainty')
  ) {
    if (!existsSync(w('ingested.duckdb')))
      throw new Error(`${scale}: no ingested warehouse; run the ingest stage`);
    const db = w('build.duckdb');
    copyFileSync(w('ingested.duckdb'), db);
    const x = cost(await measure('xiaowei build', process.execPath, xiaowei(['build', '--db', db])));
    costs.set('build', x);
    let b: Cost | null = null;
    if (x.ok) {
      renameSync(db, w('built.duckdb'));
      const sqlOnly = w('sqlonly.duckdb');
      copyFileSync(w('built.duckdb'), sqlOnly);
      const planned = buildPlan(ctx.repo);
      await dropModels(sqlOnly, planned.models);
      const plan = w('build-plan.json');
      writeFileSync(plan, JSON.stringify(planned));
      b = cost(
        await measure('same SQL alone', process.execPath, [
          'bench/baselines/duckdb_build.mjs',
          sqlOnly,
          plan,
        ]),
      );
      rmSync(sqlOnly, { force: true });
    }
    if (stages.includes('build'))
      out.rows.push({ stage: 'build', scale, subject: x, baseline: b, ratioKind: 'subject/baseline' });
  }

  if (stages.includes('report') && existsSync(w('built.duckdb'))) {
    const reports = w('reports');
    rmSync(reports, { recursive: true, force: true });
    const common = [
      'report',
      '--year',
      String(ctx.reportYear),
      '--date',
      ctx.reportDate,
      '--db',
      w('built.duckdb'),
    ];
    const html = cost(
      await measure('xiaowei report (HTML)', process.execPath, xiaowei([...common, '--out', reports])),
    );
    out.rows.push({ stage: 'report html', scale, subject: html, baseline: null, ratioKind: 'none' });
    const chromium = process.env.XIAOWEI_CHROMIUM ?? '/usr/bin/chromium';
    if (existsSync(chromium)) {
      const pdf = cost(
        await measure(
          'xiaowei report --pdf',
          process.execPath,
          xiaowei([...common, '--out', `${reports}-pdf`, '--pdf']),
        ),
      );
      out.rows.push({ stage: 'report pdf', scale, subject: pdf, baseline: null, ratioKind: 'none' });
    } else out.notes.push(`${scale}: no Chromium at ${chromium}; the PDF report was not measured.`);
    out.notes.push(reportPhasesNote(scale, w('built.duckdb'), `${reports}-phases`, ctx.reportYear));
  }

  if (stages.includes('uncertainty') && existsSync(w('built.duckdb'))) {
    // Methodology §11 on its own: the default 1,000 draws of both indices and the scorecard, every year.
    const db = w('uncertainty.duckdb');
    copyFileSync(w('built.duckdb'), db);
    const x = cost(
      await measure('xiaowei uncertainty', process.execPath, xiaowei(['uncertainty', '--db', db])),
    );
    out.rows.push({ stage: 'uncertainty', scale, subject: x, baseline: null, ratioKind: 'none' });
    rmSync(db, { force: true });
  }

  if (stages.includes('run') || stages.includes('incremental')) {
    const inbox = w('inbox');
    const db = w('run.duckdb');
    for (const p of [inbox, w('run-reports'), w('run-logs')]) rmSync(p, { recursive: true, force: true });
    for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
    mkdirSync(inbox, { recursive: true });
    // An incremental run needs the year before it from the same generation: generate --to 2025 draws another
    // population than --to 2024 (other firms in every year), so its 2025 files do not extend `data`'s 2024. The
    // full run then reads generate --to 2025's files up to 2024, and the incremental run adds its 2025 files.
    const added = (n: string) => /(_2025\.csv|_2025-12-31\.csv)$/.test(n);
    const base = stages.includes('incremental') ? ensureData(ctx, scale, w('data-2025'), 2025) : data;
    if (base !== data)
      out.notes.push(
        `${scale}: the run and incremental run rows read generate --to 2025's files (the full run those up to 2024), so that the added year extends the same firms.`,
      );
    // Hard links, not copies: a run only reads and renames its inbox files, and a province inbox is 5 GB.
    for (const f of readdirSync(base).filter((n) => n.endsWith('.csv') && n !== 'faults.csv' && !added(n)))
      linkOrCopy(join(base, f), join(inbox, f));
    const runArgs = [
      'run',
      '--inbox',
      inbox,
      '--db',
      db,
      '--reports',
      w('run-reports'),
      '--log-file',
      join(w('run-logs'), 'xiaowei.log'),
    ];
    const full = cost(await measure('xiaowei run (full)', process.execPath, xiaowei(runArgs)));
    out.rows.push({ stage: 'run', scale, subject: full, baseline: null, ratioKind: 'none' });
    if (stages.includes('incremental') && full.ok) {
      const files = readdirSync(base).filter(added);
      for (const f of files) linkOrCopy(join(base, f), join(inbox, f));
      const inc = cost(
        await measure(`xiaowei run (+${files.join(', ')})`, process.execPath, xiaowei(runArgs)),
      );
      out.rows.push({
        stage: 'incremental run',
        scale,
        subject: inc,
        baseline: { ...full, label: 'full run' },
        ratioKind: 'subject/baseline',
      });
    }
  }

  const costsFile = w('costs.json');
  const saved: Record<string, Cost> = existsSync(costsFile)
    ? JSON.parse(readFileSync(costsFile, 'utf8'))
    : {};
  for (const [k, v] of costs) saved[k] = v;
  writeFileSync(costsFile, JSON.stringify(saved));
  if (stages.includes('index')) {
    // ingest and build measured earlier (another bench invocation) are reused, and said so.
    const ingest = costs.get('ingest') ?? saved.ingest;
    const build = costs.get('build') ?? saved.build;
    if (!costs.has('ingest') && ingest)
      out.notes.push(`${scale}: the index rows reuse the ingest time measured by an earlier invocation.`);
    const pipeline: Cost | null =
      ingest && build
        ? {
            label: 'xiaowei ingest+build',
            wallSeconds: ingest.wallSeconds + build.wallSeconds,
            cpuSeconds: ingest.cpuSeconds + build.cpuSeconds,
            peakTreeRssBytes: Math.max(ingest.peakTreeRssBytes, build.peakTreeRssBytes),
            ok: ingest.ok && build.ok,
          }
        : null;
    const expected = await readGrowthIndex(w('built.duckdb'), 'v1');
    const peers: [string, string, string[]][] = [
      ['pandas', PYTHON, ['bench/peers/pandas_growth.py', data, 'data/reference', w('pandas-index.csv')]],
      [
        'danfojs',
        process.execPath,
        ['bench/peers/danfo/growth.mjs', data, 'data/reference', w('danfo-index.csv')],
      ],
    ];
    for (const [peer, command, args] of peers) {
      if (peer === 'danfojs' && !ensureDanfo(ctx)) {
        out.notes.push('danfojs-node could not be installed into bench/peers/danfo; not measured.');
        continue;
      }
      if (peer === 'pandas' && !existsSync(PYTHON)) {
        out.notes.push('no /usr/bin/python3 (apt-get install -y python3-pandas); pandas not measured.');
        continue;
      }
      const m = await measure(peer, command, args);
      const c = cost(m);
      let comparison: IndexComparison | null = null;
      if (c.ok && !existsSync(args[3])) {
        c.ok = false;
        c.note = 'no output';
      }
      if (c.ok) {
        comparison = compareIndex(expected, parsePeerCsv(readFileSync(args[3], 'utf8')), ctx.relTol);
        if (comparison.mismatches.length > 0) {
          c.ok = false;
          c.note = `${comparison.mismatches.length} mismatching values: time not counted`;
        }
      }
      out.checks.push({ peer, scale, comparison, error: c.ok ? undefined : m.stderr.slice(-500) });
      out.rows.push({
        stage: `index: ${peer} vs ingest+build`,
        scale,
        subject: pipeline,
        baseline: { ...c, label: peer },
        ratioKind: 'baseline/subject',
      });
      if (build)
        out.rows.push({
          stage: `index: ${peer} vs build only`,
          scale,
          subject: { ...build, label: 'xiaowei build' },
          baseline: { ...c, label: peer },
          ratioKind: 'baseline/subject',
        });
    }
  }
}

/** Reads every file once, untimed, so that the measurements that follow read them from memory. */
function warmPageCache(files: readonly string[]): void {
  const buf = Buffer.allocUnsafe(1 << 20);
  for (const f of files) {
    const fd = openSync(f, 'r');
    try {
      while (readSync(fd, buf, 0, buf.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
}

function cost(m: Measurement): Cost {
  return {
    label: m.label,
    wallSeconds: m.wallSeconds,
    cpuSeconds: m.cpuSeconds,
    peakTreeRssBytes: m.peakTreeRssBytes,
    ok: m.exitCode === 0,
    note: m.exitCode === 0 ? undefined : `exit ${m.exitCode}`,
  };
}

/** Generates the extracts once (not timed) and reuses them: generation is deterministic for a seed. */
function ensureData(ctx: BenchContext, scale: Scale, dir: string, toYear: number): string {
  if (existsSync(join(dir, `registry_${toYear}-12-31.csv`))) return dir;
  ctx.log(`  generating ${scale} extracts to ${toYear} (not timed) …`);
  rmSync(dir, { recursive: true, force: true });
  const r = spawnSync(
    process.execPath,
    ['bin/xiaowei.js', 'generate', '--scale', scale, '--seed', '1', '--to', String(toYear), '--out', dir],
    { cwd: ctx.repo, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`xiaowei generate --scale ${scale} failed`);
  return dir;
}

/** Installs danfojs-node into its benchmark-only folder on first use (npm overrides in its package.json). */
function ensureDanfo(ctx: BenchContext): boolean {
  const dir = join(ctx.repo, 'bench', 'peers', 'danfo');
  if (existsSync(join(dir, 'node_modules', 'danfojs-node'))) return true;
  ctx.log('  installing danfojs-node into bench/peers/danfo (not timed) …');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return r.status === 0;
}

/** The baseline build's plan: the macro files and every staging, intermediate and mart model body in dependency order. */
function buildPlan(repo: string) {
  const sqlRoot = join(repo, 'sql');
  const macros = [
    'safe_div.sql',
    'round_half_up.sql',
    'size_class.sql',
    'base_year_index.sql',
    'weighted_mean.sql',
  ].map((f) => readFileSync(join(sqlRoot, 'macros', f), 'utf8'));
  const models = orderModels(
    readModels(sqlRoot, ['models/staging', 'models/intermediate', 'models/marts']),
  ).map((m) => ({
    name: m.name,
    materialized: m.materialized,
    sql: m.sql,
  }));
  return { macros, models };
}

/** Prepares the baseline build's input (not timed): the built warehouse minus every model's table or view. */
async function dropModels(path: string, models: { name: string; materialized: string }[]): Promise<void> {
  const wh = await openWarehouse(path);
  try {
    await withConnection(wh, async (con) => {
      for (const m of [...models].reverse()) {
        const target = quoteQualified(m.name);
        await con.run(`drop ${m.materialized === 'view' ? 'view' : 'table'} if exists ${target} cascade`);
      }
      await con.run('checkpoint');
    });
  } finally {
    wh.close();
  }
}

/** "ingest city: 3,367,820 rows; xiaowei 55,000 rows/s, read_csv 350,000 rows/s" from the ingest log. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

async function ingestRate(db: string, scale: string, x: Cost, b: Cost): Promise<string> {
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    const rows = await withConnection(wh, (con) =>
      readRows(
        con,
        z.object({ rows_read: z.number() }),
        readFileSync(join('bench', 'sql', 'rows_read.sql'), 'utf8'),
      ),
    );
    const n = rows[0]?.rows_read ?? 0;
    const rate = (c: Cost) =>
      c.ok && c.wallSeconds > 0 ? Math.round(n / c.wallSeconds).toLocaleString('en') : '—';
    return `ingest ${scale}: ${n.toLocaleString('en')} rows read; xiaowei ${rate(x)} rows/s, plain read_csv ${rate(b)} rows/s (wall).`;
  } finally {
    wh.close();
  }
}

/** The report's phases timed inside one process, so CLI start-up is not counted: HTML, files, PDF, charts. */
function reportPhasesNote(scale: string, db: string, outDir: string, year: number): string {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/lib/reportPhases.ts', db, outDir, String(year)],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0)
    return `report ${scale}: phase timing failed: ${child.stderr.trim().split('\n').pop()}`;
  const p = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
    htmlMs: number;
    filesMs: number;
    pdfMs: number | null;
    chartsMs: number;
    charts: number;
  };
  const s = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
  return (
    `report ${scale}, in one process (no CLI start-up): HTML ${s(p.htmlMs)}, chart and table files ${s(p.filesMs)}, ` +
    `PDF ${s(p.pdfMs)}; rendering all ${p.charts} charts to SVG alone ${s(p.chartsMs)}.`
  );
}
