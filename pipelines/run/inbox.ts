import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import type { RunInput } from './runRecord.ts';

export const DEFAULT_INBOX = 'data/inbox';

/**
 * New files are the regular files directly in the inbox: processed ones have been moved to done/ or
 * rejected/, and dot-files (editors' temp files, partial uploads named .foo.part) are not extracts yet.
 */
export function listInboxFiles(inbox: string): string[] {
  if (!existsSync(inbox)) return [];
  return readdirSync(inbox, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(inbox, e.name))
    .sort();
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The run's inputs with their content hashes, taken before ingest reads them. */
export async function describeInputs(paths: string[]): Promise<RunInput[]> {
  const out: RunInput[] = [];
  for (const file of paths) out.push({ file, sha256: await sha256File(file), bytes: statSync(file).size });
  return out;
}

// Never overwrite an earlier file of the same name in done/ or rejected/: nothing is ever deleted.
function freeName(dir: string, name: string, runId: string): string {
  if (!existsSync(join(dir, name))) return join(dir, name);
  const ext = extname(name);
  return join(dir, `${basename(name, ext)}.${runId}${ext}`);
}

export interface InboxOutcome {
  file: string;
  status: 'loaded' | 'rejected' | 'skipped_duplicate';
  message?: string | null;
}

/**
 * After a successful publish: loaded and duplicate files go to done/, rejected ones to rejected/ with
 * `<name>.reason.txt` beside them. Returns where each file went.
 */
export function fileInboxOutcomes(inbox: string, outcomes: InboxOutcome[], runId: string): string[] {
  const moved: string[] = [];
  for (const o of outcomes) {
    if (!existsSync(o.file)) continue;
    const rejected = o.status === 'rejected';
    const dir = join(inbox, rejected ? 'rejected' : 'done');
    mkdirSync(dir, { recursive: true });
    const target = freeName(dir, basename(o.file), runId);
    if (rejected) {
      const reason = `${o.message ?? '(no reason given)'}\n\nrun: ${runId}\nfile: ${basename(o.file)}\n`;
      writeFileAtomic(`${target}.reason.txt`, reason);
    }
    renameSync(o.file, target);
    moved.push(target);
  }
  return moved;
}
