// Global setup: every test run writes its temporary folders (warehouses, generated extracts, reports) under one
// folder of its own and removes it at the end, so repeated runs do not fill the disk (an e2e run leaves
// gigabytes). Workers inherit TMPDIR, and os.tmpdir() reads it at each call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'xw-vitest-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (!process.env.XIAOWEI_KEEP_TEST_TMP) rmSync(root, { recursive: true, force: true });
  };
}
