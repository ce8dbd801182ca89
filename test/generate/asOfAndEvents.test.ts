import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerateOptions, generateExtracts } from '../../pipelines/generate/generateExtracts.ts';

// `--as-of` (a final snapshot dated inside its year) and `--event` (events.csv) at tiny scale.
const root = mkdtempSync(join(tmpdir(), 'xw-gen-asof-'));
const base: GenerateOptions = {
  scale: 'tiny',
  seed: 7,
  outDir: '',
  from: 2019,
  to: 2021,
  format: 'csv',
  encoding: 'utf8',
  dirty: 0,
  asOf: '2021-03-15',
  // The city code applies the factor to every county at once (enough events at tiny scale).
  events: ['330500:2020-12:deaths_cancelled:3'],
};
const dirA = join(root, 'a');
const digest = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );

beforeAll(async () => {
  await generateExtracts({ ...base, outDir: dirA });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('xiaowei generate --as-of / --event', () => {
  it('dates the final snapshot inside its year and writes no annual filings for that year', () => {
    const files = readdirSync(dirA);
    expect(files).toContain('registry_2021-03-15.csv');
    expect(files).not.toContain('registry_2021-12-31.csv');
    expect(files).toContain('indicators_2020.csv');
    expect(files).not.toContain('indicators_2021.csv');
    const lines = readFileSync(join(dirA, 'registry_2021-03-15.csv'), 'utf8').trim().split('\n').slice(1);
    const dates = lines.flatMap((l) => l.split(',').filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f)));
    expect(dates.length).toBeGreaterThan(lines.length);
    expect(dates.every((d) => d <= '2021-03-15')).toBe(true);
    expect(dates.some((d) => d >= '2021-03-01')).toBe(true);
  });

  it('lists each event beside the extracts with its baseline and what it changed', () => {
    const [header, row, ...rest] = readFileSync(join(dirA, 'events.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('region_code,month,metric,factor,baseline,changed');
    expect(rest).toEqual([]);
    const [region, month, metric, factor, baseline, changed] = row.split(',');
    expect([region, month, metric, factor]).toEqual(['330500', '2020-12', 'deaths_cancelled', '3']);
    expect(Number(baseline)).toBeGreaterThan(0);
    expect(Number(changed)).toBe(2 * Number(baseline));
  });

  it('gives byte-identical files for the same arguments, events included', async () => {
    const dirB = join(root, 'b');
    await generateExtracts({ ...base, outDir: dirB });
    expect(digest(dirB)).toEqual(digest(dirA));
  });

  it('refuses an --as-of outside the --to year and an event outside the simulated years', async () => {
    await expect(generateExtracts({ ...base, outDir: join(root, 'c'), asOf: '2020-03-15' })).rejects.toThrow(
      /--as-of 2020-03-15/,
    );
    await expect(generateExtracts({ ...base, outDir: join(root, 'd'), asOf: '2021-02-30' })).rejects.toThrow(
      /--as-of 2021-02-30/,
    );
    await expect(
      generateExtracts({ ...base, outDir: join(root, 'e'), events: ['330503:2022-06:births:2'] }),
    ).rejects.toThrow(/2013–2021/);
  });
});
