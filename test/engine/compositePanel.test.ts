import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipelines/cli/main.ts';

// Panel iData: two units × two years, one module of two indicators (weights 1 and 3).
const META = [
  'Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type',
  '1,x1,X1,1,1,,,,M,Indicator',
  '1,x2,X2,-1,3,,,,M,Indicator',
  '2,M,Module,1,1,,,,,Aggregate',
].join('\n');
const DATA = ['uCode,Time,x1,x2', 'B,2018,30,5', 'A,2018,12,8', 'B,2017,20,10', 'A,2017,10,'].join('\n');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  };
  const code = await main(['node', 'xiaowei', 'composite', ...args], io);
  return { code, stdout, stderr };
}

describe('xiaowei composite on panel data', () => {
  it('adds a Time column, sorts by uCode then Time, and indexes to the base year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xw-'));
    writeFileSync(join(dir, 'meta.csv'), META);
    writeFileSync(join(dir, 'data.csv'), DATA);
    const out = join(dir, 'out');
    const args = ['--data', join(dir, 'data.csv'), '--meta', join(dir, 'meta.csv'), '--out', out];
    const r = await run([
      ...args,
      '--impute',
      'none',
      '--screen',
      'none',
      '--treat',
      'none',
      '--normalise',
      'baseyear',
      '--base-year',
      '2017',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // A 2017: x1 = 100, x2 base missing → M = 100. A 2018: x1 = 100·12/10 = 120, x2 dropped → M = 120.
    // B 2017: 100, 100 → 100. B 2018: x1 = 150, x2 (−1) = 100·10/5 = 200 → M = (150 + 3·200)/4 = 187.5
    expect(readFileSync(join(out, 'aggregated.csv'), 'utf8')).toBe(
      [
        'uCode,Time,x1,x2,M',
        'A,2017,100,,100',
        'A,2018,120,,120',
        'B,2017,100,100,100',
        'B,2018,150,200,187.5',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(out, 'treated.csv'), 'utf8')).toBe(
      ['uCode,Time,x1,x2', 'A,2017,10,', 'A,2018,12,8', 'B,2017,20,10', 'B,2018,30,5', ''].join('\n'),
    );
  });

  it('refuses base-year normalisation without --base-year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xw-'));
    writeFileSync(join(dir, 'meta.csv'), META);
    writeFileSync(join(dir, 'data.csv'), DATA);
    const r = await run([
      '--data',
      join(dir, 'data.csv'),
      '--meta',
      join(dir, 'meta.csv'),
      '--out',
      dir,
      '--impute',
      'none',
      '--normalise',
      'baseyear',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--normalise baseyear needs --base-year');
  });
});
