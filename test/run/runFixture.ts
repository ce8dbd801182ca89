import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { silentProgress } from '../../pipelines/run/progressLine.ts';
import { memoryLog } from '../../pipelines/run/runLogger.ts';
import type { RunEffects, RunOptions } from '../../pipelines/run/runPipeline.ts';
import type { PipelineStages } from '../../pipelines/run/stages.ts';
import { fakeStages } from './fakeStages.ts';

/** A temp project layout: data/warehouse/, data/inbox/, reports/. */
export function makeLayout() {
  const root = mkdtempSync(join(tmpdir(), 'xw-run-'));
  const layout = {
    root,
    db: join(root, 'data', 'warehouse', 'xiaowei.duckdb'),
    inbox: join(root, 'data', 'inbox'),
    reports: join(root, 'reports'),
  };
  mkdirSync(layout.inbox, { recursive: true });
  return layout;
}

export type Layout = ReturnType<typeof makeLayout>;

export function dropInInbox(layout: Layout, name: string, text: string): string {
  const p = join(layout.inbox, name);
  writeFileSync(p, text);
  return p;
}

export function runOptions(layout: Layout, extra: Partial<RunOptions> = {}): RunOptions {
  return { db: layout.db, reportsRoot: layout.reports, inbox: layout.inbox, trigger: 'manual', ...extra };
}

/** Effects with a clock that ticks one second per call from 2026-01-30T18:00:00Z, and counter suffixes. */
export function testEffects(stages: PipelineStages = fakeStages(), extra: Partial<RunEffects> = {}) {
  let t = Date.parse('2026-01-30T18:00:00Z');
  let n = 0;
  const log = memoryLog();
  const fx: RunEffects = {
    now: () => {
      t += 1000;
      return new Date(t);
    },
    randomSuffix: () => `t${++n}`,
    pid: process.pid,
    isPidAlive: () => true,
    stages,
    log,
    progress: silentProgress,
    checkpoint: async () => {},
    ...extra,
  };
  return { fx, log };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Every published file under `dir` with its sha256, keyed by relative path: a snapshot to compare byte for
 * byte. Dot-entries (a run's `.staging-<id>/`, `.old-<id>/`) are work areas, not published output.
 */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = sha256(p);
    }
  };
  walk(dir);
  return out;
}

/** The arguments of `node bin/xiaowei.js run` over a temp root: its inbox, warehouse, reports and log. */
export function realRunArgs(bin: string, root: string, inbox: string): string[] {
  return [
    bin,
    'run',
    '--inbox',
    inbox,
    '--db',
    join(root, 'wh', 'xiaowei.duckdb'),
    '--reports',
    join(root, 'reports'),
    '--log-file',
    join(root, 'log.jsonl'),
  ];
}
