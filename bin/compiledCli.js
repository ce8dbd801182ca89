// @ts-check
// Which code `xiaowei` runs: the JavaScript compiled at install (dist/cli, by scripts/compile-cli.mjs) when
// every source it was compiled from is exactly as it was then, else the TypeScript sources through tsx.
// A developer who edits a source never runs stale code: one stat per compiled source (~180, a few ms).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folder of the compiled CLI (builds and their manifest), relative to the repository root. */
export const COMPILED_DIR = 'dist/cli';
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

/**
 * @typedef {{ version: number, entry: string, inputs: [string, number, number][] }} Manifest
 *   inputs: [path relative to the repository root, mtimeMs, size] of every source compiled in
 * @typedef {(relPath: string) => { mtimeMs: number, size: number } | undefined} StatFn
 */

/**
 * True when the manifest is well formed and every input still has the recorded mtime and size.
 * @param {unknown} manifest
 * @param {StatFn} stat
 * @returns {boolean}
 */
export function isFresh(manifest, stat) {
  if (typeof manifest !== 'object' || manifest === null) return false;
  const m = /** @type {Partial<Manifest>} */ (manifest);
  if (m.version !== MANIFEST_VERSION || typeof m.entry !== 'string' || !Array.isArray(m.inputs)) return false;
  if (m.inputs.length === 0) return false;
  for (const input of m.inputs) {
    if (!Array.isArray(input) || input.length !== 3) return false;
    const [rel, mtimeMs, size] = input;
    const s = stat(rel);
    if (!s || s.mtimeMs !== mtimeMs || s.size !== size) return false;
  }
  return true;
}

/**
 * Absolute path of the compiled entry module when it is up to date with the sources below `root`, else
 * undefined (nothing compiled, or a source changed since).
 * @param {string} root repository root
 * @param {{ dir?: string, stat?: StatFn }} [options] dir: compiled folder (default COMPILED_DIR); stat:
 *   defaults to the file system
 * @returns {string | undefined}
 */
export function freshCompiledEntry(root, options = {}) {
  const dir = join(root, options.dir ?? COMPILED_DIR);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  const fsStat = /** @type {StatFn} */ ((rel) => statSync(join(root, rel), { throwIfNoEntry: false }));
  return isFresh(manifest, options.stat ?? fsStat) ? join(dir, manifest.entry) : undefined;
}
