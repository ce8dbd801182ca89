import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes several files into `dir` atomically: every file goes to a temp name first, then all are
 * renamed into place, so a failed run leaves the previous outputs untouched. `tag` makes temp
 * names unique (pass e.g. the process id; injected rather than read here).
 */
export function writeOutputFiles(dir: string, files: Record<string, string>, tag: string): string[] {
  mkdirSync(dir, { recursive: true });
  const temps: [string, string][] = [];
  try {
    for (const [name, text] of Object.entries(files)) {
      const tmp = join(dir, `.${name}.${tag}.tmp`);
      writeFileSync(tmp, text, 'utf8');
      temps.push([tmp, join(dir, name)]);
    }
  } catch (err) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw err;
  }
  for (const [tmp, final] of temps) renameSync(tmp, final);
  return temps.map(([, final]) => final);
}
