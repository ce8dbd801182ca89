import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUscc } from '../../pipelines/domain/uscc.ts';
import { INDICATOR_COLUMNS, PLAN_COLUMNS, REGISTRY_COLUMNS } from '../../pipelines/generate/columns.ts';
import { type GenerateOptions, generateExtracts } from '../../pipelines/generate/generateExtracts.ts';

const root = mkdtempSync(join(tmpdir(), 'xw-gen-'));
const base: GenerateOptions = {
  scale: 'tiny',
  seed: 7,
  outDir: '',
  from: 2013,
  to: 2024,
  format: 'csv',
  encoding: 'utf8',
  dirty: 0,
};
const dirA = join(root, 'a');

function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort())
    out[f] = createHash('sha256')
      .update(readFileSync(join(dir, f)))
      .digest('hex');
  return out;
}

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

beforeAll(async () => {
  await generateExtracts({ ...base, outDir: dirA });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('xiaowei generate (tiny)', () => {
  it('gives byte-identical files for the same arguments', async () => {
    const dirB = join(root, 'b');
    await generateExtracts({ ...base, outDir: dirB });
    expect(digest(dirB)).toEqual(digest(dirA));
  });

  it('gives different data for a different seed', async () => {
    const dirC = join(root, 'c');
    await generateExtracts({ ...base, seed: 8, outDir: dirC, from: 2018, to: 2018 });
    expect(digest(dirC)['registry_2018-12-31.csv']).not.toBe(digest(dirA)['registry_2018-12-31.csv']);
  });

  it('writes one registry and one indicators file per year and plan files for 2017–2020', () => {
    const files = readdirSync(dirA);
    for (let y = 2013; y <= 2024; y++) {
      expect(files).toContain(`registry_${y}-12-31.csv`);
      expect(files).toContain(`indicators_${y}.csv`);
    }
    for (const y of [2017, 2018, 2019, 2020]) expect(files).toContain(`plan_${y}.csv`);
    expect(files).not.toContain('faults.csv');
  });

  it('uses the contract Chinese headers in contract order', () => {
    const first = (f: string) => readFileSync(join(dirA, f), 'utf8').split('\n')[0];
    expect(first('registry_2019-12-31.csv')).toBe(REGISTRY_COLUMNS.map((c) => c.header).join(','));
    expect(
      first('registry_2019-12-31.csv').startsWith('统一社会信用代码,企业名称,市场主体类型,成立日期'),
    ).toBe(true);
    expect(first('indicators_2019.csv')).toBe(INDICATOR_COLUMNS.map((c) => c.header).join(','));
    expect(first('plan_2019.csv')).toBe('年度,季度,行政区划代码,指标序号,数值,报送单位');
    expect(PLAN_COLUMNS).toHaveLength(6);
  });

  it('emits only valid, unique USCCs with a Huzhou registering authority in positions 3–8', () => {
    const reg = rows(join(dirA, 'registry_2024-12-31.csv')).slice(1);
    expect(reg.length).toBeGreaterThan(300);
    const codes = reg.map((r) => r[0]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(validateUscc(c).ok, c).toBe(true);
      expect(['330500', '330502', '330503', '330521', '330522', '330523']).toContain(c.slice(2, 8));
    }
    const prefixes = new Set(codes.map((c) => c.slice(0, 2)));
    expect(prefixes).toEqual(new Set(['91', '92', '93']));
  });

  it('keeps an entity in every later snapshot (the register never drops a row)', () => {
    const y2018 = new Set(rows(join(dirA, 'registry_2018-12-31.csv')).map((r) => r[0]));
    const y2024 = new Set(rows(join(dirA, 'registry_2024-12-31.csv')).map((r) => r[0]));
    for (const c of y2018) expect(y2024.has(c)).toBe(true);
  });

  it('links each 个转企 to its cancelled 92 record, closed on the conversion date', () => {
    const reg = rows(join(dirA, 'registry_2024-12-31.csv')).slice(1);
    const byCode = new Map(reg.map((r) => [r[0], r]));
    const converted = reg.filter((r) => r[9] === '是');
    expect(converted.length).toBeGreaterThan(10);
    for (const r of converted) {
      expect(r[0].startsWith('91')).toBe(true);
      expect(r[11].startsWith('92')).toBe(true);
      const old = byCode.get(r[11]);
      expect(old?.[2]).toBe('个体工商户');
      expect(old?.[4]).toBe('注销');
      expect(old?.[5]).toBe(r[10]);
      expect(r[3]).toBe(r[10]);
    }
  });

  it('files indicators only for enterprises, with tech_staff ≤ employees and 规上 at the threshold', () => {
    const reg = rows(join(dirA, 'registry_2024-12-31.csv')).slice(1);
    const type = new Map(reg.map((r) => [r[0], r[2]]));
    const ind = rows(join(dirA, 'indicators_2024.csv')).slice(1);
    for (const r of ind) {
      expect(['个体工商户', '分公司', '农民专业合作社']).not.toContain(type.get(r[0]));
      expect(Number(r[8])).toBeLessThanOrEqual(Number(r[2]));
      expect(Number(r[3])).toBeGreaterThanOrEqual(0);
    }
    // Non-filers exist: fewer filings than enterprises alive at the end of 2024.
    const alive = reg.filter(
      (r) => !['个体工商户', '分公司', '农民专业合作社'].includes(r[2]) && r[5] === '' && r[4] !== '迁出',
    ).length;
    expect(ind.length).toBeLessThan(alive);
    expect(ind.length).toBeGreaterThan(alive * 0.75);
  });

  it('reports every region × indicator × quarter in each plan year: 6 × 19 × 4 = 456 rows', () => {
    const plan = rows(join(dirA, 'plan_2019.csv')).slice(1);
    expect(plan).toHaveLength(456);
    const keys = new Set(plan.map((r) => `${r[1]}|${r[2]}|${r[3]}`));
    expect(keys.size).toBe(456);
    for (const r of plan) expect(Number(r[4])).toBeGreaterThanOrEqual(0);
  });

  it('writes GBK that decodes to exactly the UTF-8 text', async () => {
    const dirG = join(root, 'gbk');
    await generateExtracts({ ...base, outDir: dirG, from: 2019, to: 2019, encoding: 'gbk' });
    const gbk = readFileSync(join(dirG, 'registry_2019-12-31.csv'));
    const utf8 = readFileSync(join(dirA, 'registry_2019-12-31.csv'), 'utf8');
    expect(gbk.equals(Buffer.from(utf8, 'utf8'))).toBe(false);
    expect(new TextDecoder('gbk').decode(gbk)).toBe(utf8);
  });
});
