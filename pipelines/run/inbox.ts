import { createHash } from 'node:crypto';
import { createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import type { RunInput } from './runRecord.ts';

export const DEFAULT_INBOX = 'data/inbox';

/**
 * New files are the entries directly in the inbox that are not folders: processed ones have been moved to
 * done/ or rejected/, and dot-files (editors' temp files, partial uploads named .foo.part) are not extracts
 * yet. Symbolic links and sidecar-like names (Manifest_*, readme_*) are listed too: ingest refuses or reads
 * them, and they are filed like any other file, so nothing stays in the inbox unseen forever.
 */
export function listInboxFiles(inbox: string): string[] {
  if (!existsSync(inbox)) return [];
  return readdirSync(inbox, { withFileTypes: true })
    .filter((e) => !e.isDirectory() && !e.name.startsWith('.'))
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

/**
 * The run's inputs and their sizes, before ingest reads them; their content hashes come later
 * (`hashInputs`). A symbolic link (possibly dangling) is recorded with size 0, and ingest refuses it.
 */
export function describeInputs(paths: string[]): RunInput[] {
  return paths.map((file) => {
    const st = lstatSync(file, { throwIfNoEntry: false });
    return { file, sha256: '', bytes: st?.isFile() ? st.size : 0 };
  });
}

/**
 * Fills in each input's sha256: the hash ingest computed of the bytes it read when it reported one (so that a
 * province inbox of 5 GB is read once, not twice), otherwise the file's own, for regular files only.
 */
export async function hashInputs(
  inputs: RunInput[],
  reported: ReadonlyMap<string, string | undefined>,
): Promise<void> {
  for (const input of inputs) {
    if (input.sha256 !== '') continue;
    const known = reported.get(input.file);
    if (known) input.sha256 = known;
    else if (lstatSync(input.file, { throwIfNoEntry: false })?.isFile())
      // A file gone or unreadable since is recorded without a hash: the run's outcome does not depend on it.
      input.sha256 = await sha256File(input.file).catch(() => '');
  }
}

// Never overwrite an earlier file of the same name in done/ or rejected/: nothing is ever deleted.
function freeName(dir: string, name: string, runId: string): string {
  if (!lstatSync(join(dir, name), { throwIfNoEntry: false })) return join(dir, name);
  const ext = extname(name);
  return join(dir, `${basename(name, ext)}.${runId}${ext}`);
}

// done/ and rejected/ must be folders. Anything else in their place (a file someone named `rejected`, a
// link) is moved aside under a visible name first: it is then an inbox file like any other, filed by this
// run if it is one of its inputs, or by the next run. Returns where each moved entry went.
function ensureFilingDir(inbox: string, name: 'done' | 'rejected', runId: string): Map<string, string> {
  const dir = join(inbox, name);
  const st = lstatSync(dir, { throwIfNoEntry: false });
  const moved = new Map<string, string>();
  if (st && !st.isDirectory()) {
    const aside = join(inbox, `${name}.${runId}`);
    renameSync(dir, aside);
    moved.set(dir, aside);
  }
  mkdirSync(dir, { recursive: true });
  return moved;
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
  const aside = new Map([
    ...ensureFilingDir(inbox, 'done', runId),
    ...ensureFilingDir(inbox, 'rejected', runId),
  ]);
  for (const o of outcomes) {
    const file = aside.get(join(inbox, basename(o.file))) ?? o.file;
    if (!lstatSync(file, { throwIfNoEntry: false })) continue;
    const rejected = o.status === 'rejected';
    const dir = join(inbox, rejected ? 'rejected' : 'done');
    const target = freeName(dir, basename(o.file), runId);
    if (rejected) {
      const reason = `${o.message ?? '(no reason given)'}\n\nrun: ${runId}\nfile: ${basename(o.file)}\n`;
      writeFileAtomic(`${target}.reason.txt`, reason);
    }
    renameSync(file, target);
    moved.push(target);
  }
  return moved;
}
