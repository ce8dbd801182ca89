import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';

const root = mkdtempSync(join(tmpdir(), 'xw-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: {},
    out,
    err,
  };
}

describe('xiaowei generate (CLI)', () => {
  it('writes the files and prints one summary line plus one line per file', async () => {
    const io = fakeIo();
    const dir = join(root, 'x');
    const code = await main(
      [
        'node',
        'xiaowei',
        'generate',
        '--scale',
        'tiny',
        '--seed',
        '2',
        '--out',
        dir,
        '--from',
        '2020',
        '--to',
        '2021',
        '--dirty',
        '0.02',
      ],
      io,
    );
    expect(code).toBe(0);
    const text = io.out.join('');
    expect(text).toMatch(/^generate: 9 files, \d+ rows, \d+ faults/);
    expect(readdirSync(dir).sort()).toEqual([
      'faults.csv',
      'indicators_2020.csv',
      'indicators_2021.csv',
      'plan_2017.csv',
      'plan_2018.csv',
      'plan_2019.csv',
      'plan_2020.csv',
      'registry_2020-12-31.csv',
      'registry_2021-12-31.csv',
    ]);
  });

  it('refuses --dirty with xlsx, naming the problem', async () => {
    const io = fakeIo();
    const code = await main(
      [
        'node',
        'xiaowei',
        'generate',
        '--scale',
        'tiny',
        '--out',
        join(root, 'y'),
        '--format',
        'xlsx',
        '--dirty',
        '0.1',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.err.join('')).toContain('--dirty 只支持 --format csv');
  });
});
