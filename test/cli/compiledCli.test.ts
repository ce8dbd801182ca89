import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCompiledEntry, isFresh, MANIFEST_FILE, MANIFEST_VERSION } from '../../bin/compiledCli.js';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse } from '../../pipelines/db/warehouse.ts';

const manifest = {
  version: MANIFEST_VERSION,
  entry: 'b1/main.js',
  inputs: [
    ['pipelines/a.ts', 1000.5, 10],
    ['pipelines/b.ts', 2000, 20],
  ],
};
const files: Record<string, { mtimeMs: number; size: number }> = {
  'pipelines/a.ts': { mtimeMs: 1000.5, size: 10 },
  'pipelines/b.ts': { mtimeMs: 2000, size: 20 },
};
const statOf =
  (overrides: Record<string, { mtimeMs: number; size: number } | undefined> = {}) =>
  (rel: string) =>
    rel in overrides ? overrides[rel] : files[rel];

describe('isFresh: the compiled CLI runs only while every source is as it was compiled', () => {
  it('is fresh when every source has its recorded mtime and size', () => {
    expect(isFresh(manifest, statOf())).toBe(true);
  });
  it('is stale when a source was saved since (newer mtime, same size)', () => {
    expect(isFresh(manifest, statOf({ 'pipelines/b.ts': { mtimeMs: 2001, size: 20 } }))).toBe(false);
  });
  it('is stale when a source was restored to an older mtime (any difference counts, not only newer)', () => {
    expect(isFresh(manifest, statOf({ 'pipelines/a.ts': { mtimeMs: 999, size: 10 } }))).toBe(false);
  });
  it('is stale when a source changed size', () => {
    expect(isFresh(manifest, statOf({ 'pipelines/a.ts': { mtimeMs: 1000.5, size: 11 } }))).toBe(false);
  });
  it('is stale when a source was deleted', () => {
    expect(isFresh(manifest, statOf({ 'pipelines/a.ts': undefined }))).toBe(false);
  });
  it('is stale for a manifest of another version, without inputs, or malformed', () => {
    expect(isFresh({ ...manifest, version: MANIFEST_VERSION + 1 }, statOf())).toBe(false);
    expect(isFresh({ ...manifest, inputs: [] }, statOf())).toBe(false);
    expect(isFresh({ ...manifest, inputs: [['pipelines/a.ts', 1000.5]] }, statOf())).toBe(false);
    expect(isFresh({ ...manifest, entry: undefined }, statOf())).toBe(false);
    expect(isFresh(null, statOf())).toBe(false);
    expect(isFresh('{}', statOf())).toBe(false);
  });
});

describe('scripts/compile-cli.mjs: the compiled CLI', () => {
  // Inside the repository, so that the bundle's bare imports resolve from node_modules.
  const out = join('dist', `.test-${process.pid}`);
  const dir = join(REPO_ROOT, out);
  beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/compile-cli.mjs', '--out', out], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records every source it bundled, and counts as fresh until one changes', () => {
    const written = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
    const sources = written.inputs.map((i: [string, number, number]) => i[0]);
    expect(sources).toContain('pipelines/cli/main.ts');
    expect(sources).toContain('pipelines/db/warehouse.ts');
    // Lazily imported modules are compiled too (into chunks loaded on use).
    expect(sources).toContain('pipelines/models/buildWarehouse.ts');
    const entry = freshCompiledEntry(REPO_ROOT, { dir: out });
    expect(entry && existsSync(entry)).toBe(true);
    const touched = freshCompiledEntry(REPO_ROOT, {
      dir: out,
      stat: (rel) =>
        rel === 'pipelines/db/warehouse.ts' ? { mtimeMs: Date.now(), size: 1 } : { mtimeMs: -1, size: -1 },
    });
    expect(touched).toBeUndefined();
  });

  it('starts without the heavy packages: --help loads none of them (each command loads its own on use)', () => {
    const entry = freshCompiledEntry(REPO_ROOT, { dir: out }) ?? '';
    // Follow the static imports of the entry through its chunks; dynamic import() is not followed.
    const statics = new Set<string>();
    const pending = [entry];
    while (pending.length > 0) {
      const file = pending.pop() ?? '';
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)import\s+(?:[^;]*?\sfrom\s*)?"([^"]+)";/g)) {
        const spec = m[1];
        if (!spec.startsWith('.')) statics.add(spec);
        else if (!statics.has(join(dirname(file), spec))) {
          statics.add(join(dirname(file), spec));
          pending.push(join(dirname(file), spec));
        }
      }
    }
    expect(statics).toContain('commander');
    for (const heavy of [
      '@duckdb/node-api',
      'zod',
      'pino',
      'nunjucks',
      'iconv-lite',
      'node-cron',
      'playwright-core',
      'vega',
      'vega-lite',
      'exceljs',
      'apache-arrow',
    ])
      expect(statics, heavy).not.toContain(heavy);
  });

  it('runs a command that reads sql/ and config/ from the repository (paths derived from the sources)', async () => {
    const entry = freshCompiledEntry(REPO_ROOT, { dir: out });
    expect(entry).toBeDefined();
    const tmp = mkdtempSync(join(tmpdir(), 'xw-compiled-'));
    try {
      // `build` refuses a warehouse that does not exist: an empty one is made first.
      (await openWarehouse(join(tmp, 'w.duckdb'))).close();
      const script =
        'const { main } = await import(process.argv[1]); process.exitCode = await main(["node", "xiaowei", ...process.argv.slice(2)]);';
      const r = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          script,
          pathToFileURL(entry ?? '').href,
          'build',
          '--db',
          join(tmp, 'w.duckdb'),
          '--run-id',
          't',
        ],
        { cwd: tmp, encoding: 'utf8' },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^build t: \d+ models, \d+ checks passed/m);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
