import { createHash } from 'node:crypto';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeInputs, hashInputs } from '../../pipelines/run/inbox.ts';

describe("a run's input hashes", () => {
  it('takes the hash ingest reported, hashes a regular file it did not, and never a link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xw-hash-'));
    const reported = join(dir, 'registry_2020-12-31.csv');
    const unreported = join(dir, 'indicators_2020.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(reported, 'a,b\n1,2\n');
    writeFileSync(unreported, 'x\n');
    symlinkSync(unreported, link);
    const inputs = describeInputs([reported, unreported, link, join(dir, 'gone.csv')]);
    // Sizes now, hashes later: 8 bytes, 2 bytes, a link and a missing file count 0.
    expect(inputs.map((i) => [i.bytes, i.sha256])).toEqual([
      [8, ''],
      [2, ''],
      [0, ''],
      [0, ''],
    ]);
    // The reported hash is taken as is (ingest hashed the bytes it read), not recomputed from the file.
    await hashInputs(inputs, new Map([[reported, 'f'.repeat(64)]]));
    expect(inputs.map((i) => i.sha256)).toEqual([
      'f'.repeat(64),
      createHash('sha256').update('x\n').digest('hex'),
      '',
      '',
    ]);
  });
});
