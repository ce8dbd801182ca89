import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Sidecars a generator or an analyst leaves next to extracts: they are not extracts.
const NOT_EXTRACTS = [/^faults\.csv$/i, /^manifest/i, /^readme/i, /^\./];

/** Files to ingest: plain files as given; directories expanded recursively, sorted by path, sidecars skipped. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // a missing path is reported as a rejected file by the caller
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const entries = readdirSync(p, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      if (NOT_EXTRACTS.some((re) => re.test(e.name))) continue;
      const full = join(p, e.name);
      if (e.isDirectory()) out.push(...expandPaths([full]));
      else if (e.isFile()) out.push(full);
    }
  }
  return out;
}
