import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fsyncFiles } from '../fsutil/fsyncFiles.ts';
import { fsyncDir } from '../fsutil/writeFileAtomic.ts';
import { UserError } from '../messages/catalogue.ts';
import type { GuardOptions, GuardReport, PublicFile } from './guard/guardTypes.ts';
import { scanPublicFiles } from './guard/scanPublicFiles.ts';

/**
 * Every file of a public output is written here first, into a staging directory beside the output root;
 * `commit` scans them all with the guard and only then moves them into place (each by an atomic rename).
 * A guard finding or an error leaves the published files exactly as they were.
 */
export class PublicOutput {
  readonly root: string;
  private readonly staging: string;
  private readonly files = new Map<string, PublicFile>();

  constructor(root: string) {
    this.root = resolve(root);
    this.staging = join(dirname(this.root), `.${basename(this.root)}.staging-${process.pid}`);
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** Stages `relPath` (relative to the root). `vendored` marks a verbatim copy of a shipped asset. */
  write(relPath: string, data: string | Uint8Array, options: { vendored?: boolean } = {}): void {
    const path = join(this.staging, relPath);
    // Staged files are private until commit, which flushes them all before renaming any into place.
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    this.files.set(relPath, { path, relPath, vendored: options.vendored });
  }

  /** Where a staged file is until the commit (the PDF is printed from the staged HTML). */
  stagedPath(relPath: string): string {
    return join(this.staging, relPath);
  }

  /** Final path a staged file will have once committed. */
  finalPath(relPath: string): string {
    return join(this.root, relPath);
  }

  /**
   * Scans every staged file; publishes them when the guard finds nothing, else throws and publishes none.
   * `replaceRoot`: the staged folder replaces the root whole (one rename), so no file of an earlier output stays.
   */
  async commit(
    guard: Omit<GuardOptions, 'machinePaths'> & { machinePaths?: string[]; replaceRoot?: boolean },
  ): Promise<GuardReport> {
    try {
      const report = await scanPublicFiles([...this.files.values()], {
        ...guard,
        machinePaths: [...(guard.machinePaths ?? []), ...machinePaths(this.root, this.staging)],
      });
      if (report.findings.length > 0) {
        const lines = report.findings.slice(0, 20).map((f) => `  ${f.file}: ${f.check}: ${f.detail}`);
        throw new UserError('publish.guard_failed', {
          count: report.findings.length,
          root: basename(this.root),
          findings: lines.join('\n'),
        });
      }
      await fsyncFiles([...this.files.values()].map((f) => f.path));
      if (guard.replaceRoot) {
        swapFolder(this.staging, this.root);
        return report;
      }
      const dirs = new Set<string>();
      for (const f of [...this.files.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : 1))) {
        const target = this.finalPath(f.relPath);
        mkdirSync(dirname(target), { recursive: true });
        renameSync(f.path, target);
        dirs.add(dirname(target));
      }
      for (const d of dirs) fsyncDir(d);
      return report;
    } finally {
      this.discard();
    }
  }

  /** Drops everything staged (nothing published). */
  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** Staged files, relative to the root (tests). */
  stagedFiles(): string[] {
    return [...this.files.keys()].sort();
  }
}

/** Puts `staged` in the place of `root`: the old folder is renamed aside, the staged one renamed in, then removed. */
function swapFolder(staged: string, root: string): void {
  mkdirSync(dirname(root), { recursive: true });
  const old = join(dirname(root), `.${basename(root)}.old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  const hadRoot = existsSync(root);
  if (hadRoot) renameSync(root, old);
  try {
    renameSync(staged, root);
  } catch (err) {
    if (hadRoot) renameSync(old, root);
    throw err;
  }
  fsyncDir(dirname(root));
  rmSync(old, { recursive: true, force: true });
}

/** Absolute paths no public file may contain: where it is written, the working and home directories. */
function machinePaths(root: string, staging: string): string[] {
  const out = [root, staging, process.cwd(), homedir(), tmpdir()].filter((p) => p.length > 1 && p !== '/');
  return [...new Set(out)];
}

/** Every regular file below `dir`, relative (tests and the run pipeline's listings). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
