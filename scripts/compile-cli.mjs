#!/usr/bin/env node
// @ts-check
// Compiles the CLI to JavaScript so `xiaowei` starts without transpiling TypeScript (npm's `prepare` runs
// this on `npm install` / `npm ci`; `npm run compile` by hand). One esbuild bundle of pipelines/cli/main.ts,
// packages left external, split at every dynamic import() so lazily loaded stacks stay lazy.
// Each compilation goes to its own folder dist/cli/<build>/; then dist/cli/manifest.json (the entry and every
// source's mtime and size, which bin/compiledCli.js checks) is replaced atomically. A process still running
// an older build (a long `xiaowei schedule`) keeps finding the chunks it imports lazily: the last few builds
// are kept. Usage: node scripts/compile-cli.mjs [--out <dir>]
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { COMPILED_DIR, MANIFEST_FILE, MANIFEST_VERSION } from '../bin/compiledCli.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : COMPILED_DIR);
const buildName = `b${Date.now().toString(36)}-${process.pid}`;
const buildDir = join(out, buildName);
/** Builds kept for processes that started on them. */
const KEEP_BUILDS = 3;
// Coarsest file-time resolution we allow for (FAT, HFS+): a source whose mtime is this close to the start
// of compilation may have been saved while esbuild read it.
const MTIME_RESOLUTION_MS = 2000;

// A source that locates files from its own URL (`new URL('../../assets/', import.meta.url)`) must keep
// doing so from its source location, not from the chunk it was bundled into: import.meta.url becomes the
// source file's URL, derived from the chunk's own URL (so the checkout may still be moved).
/** @type {import('esbuild').Plugin} */
const sourceLocation = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (/import\.meta\.(dirname|filename|resolve)/.test(text))
        throw new Error(`${relative(root, args.path)}: use import.meta.url (compile-cli maps only that)`);
      const fromChunk = relative(buildDir, args.path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/** Bundles into `buildDir`; returns [path, mtimeMs, size] of every source compiled in, or null when one of
 * them may have changed while it was read. */
async function compileOnce() {
  const started = Date.now();
  rmSync(buildDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['pipelines/cli/main.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: buildDir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    plugins: [sourceLocation],
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.startsWith('node_modules/') && !p.includes(':'))
    .sort()
    .map((p) => {
      const s = statSync(join(root, p));
      return /** @type {[string, number, number]} */ ([p, s.mtimeMs, s.size]);
    });
  return inputs.some(([, mtimeMs]) => mtimeMs > started - MTIME_RESOLUTION_MS) ? null : inputs;
}

try {
  mkdirSync(out, { recursive: true });
  let inputs = await compileOnce();
  // A source saved just now: wait until its mtime is safely in the past, then compile again.
  for (let attempt = 0; inputs === null && attempt < 2; attempt++) {
    await new Promise((r) => setTimeout(r, MTIME_RESOLUTION_MS + 100));
    inputs = await compileOnce();
  }
  // Still changing: no manifest, so the sources run through tsx until the next compile.
  if (inputs === null) {
    rmSync(join(out, MANIFEST_FILE), { force: true });
    process.stderr.write('compile-cli: sources keep changing; run `npm run compile` later\n');
  } else {
    const manifest = { version: MANIFEST_VERSION, entry: `${buildName}/main.js`, inputs };
    const tmp = join(out, `${MANIFEST_FILE}.${process.pid}.tmp`);
    writeFileSync(tmp, `${JSON.stringify(manifest)}\n`);
    renameSync(tmp, join(out, MANIFEST_FILE));
  }
  const builds = readdirSync(out)
    .filter((n) => /^b[0-9a-z]+-\d+$/.test(n))
    .map((n) => ({ n, t: statSync(join(out, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { n } of builds.slice(KEEP_BUILDS)) rmSync(join(out, n), { recursive: true, force: true });
} catch (err) {
  rmSync(buildDir, { recursive: true, force: true });
  process.stderr.write(`compile-cli: ${err instanceof Error ? err.message : String(err)}\n`);
  // Never fail `npm install`: without a compiled CLI, bin/xiaowei.js runs the sources through tsx.
}
