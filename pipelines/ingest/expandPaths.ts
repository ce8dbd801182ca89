import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Sidecars a generator or an analyst leaves next to extracts: they are not extracts. Skipped only when found
// in a directory (a file named on the command line is always read), and never silently.
const SIDECARS = [/^faults\.csv$/i, /^events\.csv$/i, /^manifest/i, /^readme/i, /^\./];

export interface ExpandedPaths {
  /** files to ingest, in order (symbolic links included: ingestFile refuses them with a reason) */
  files: string[];
  /** sidecars left out, for the printed report */
  skipped: string[];
}

/** Files to ingest: paths as given; directories expanded recursively, sorted by name, sidecars set apart. */
export function expandPaths(paths: readonly string[]): ExpandedPaths {
  const out: ExpandedPaths = { files: [], skipped: [] };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // a missing path is reported as a rejected file by the caller
    }
    if (!isDir) {
      out.files.push(p);
      continue;
    }
    const entries = readdirSync(p, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      const full = join(p, e.name);
      if (e.isDirectory()) {
        const inner = expandPaths([full]);
        out.files.push(...inner.files);
        out.skipped.push(...inner.skipped);
      } else if (SIDECARS.some((re) => re.test(e.name))) out.skipped.push(full);
      else out.files.push(full);
    }
  }
  return out;
}
