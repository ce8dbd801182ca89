import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_MARKER } from '../../pipelines/candidates/internalOutput.ts';
import { writeCandidateLists } from '../../pipelines/candidates/writeCandidateLists.ts';
import { main } from '../../pipelines/cli/main.ts';
import { type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { UserError } from '../../pipelines/messages/catalogue.ts';
import { csvField } from '../../pipelines/publish/csvCell.ts';
import { buildFixtureWarehouse } from '../models/buildFixture.ts';
import { atTwoClockTimes } from '../xlsx/atTwoClockTimes.ts';
import { zipEntryTimes } from '../xlsx/zipEntryTimes.ts';

// Fixture test/fixtures/models/growth_paths.sql, year 2020; the candidate firms are in 长兴 (330522), industry
// division 33 (above-scale threshold 2000万 → 80 % = 1600万):
//   小升规: K1 1450 → 1600 (exactly 80 %, +10.3 %) ✓; K2 1500 → 1650 (exactly +10 %) ✓; K3 1599.99 (< 80 %) ✗;
//           K4 1600 → 1700 (+6.25 %) ✗; K5 no 2019 filing, 1700 ✓; K6 division 72 (no threshold) ✗; K7 规上 ✗;
//           R5 not flagged 规上, 5000 → 6000 (+20 %) ✓.  吴兴's J3 (1800, flat) ✗.
//   规改股 (规上, 有限责任公司…, ≥ 5000万): R1 5000 ✓, R2 有限责任公司（自然人独资） 6000 ✓, R3 4999.99 ✗,
//           R4 股份有限公司 ✗, R5 not 规上 ✗, S5 有限责任公司 20000 ✓.
//   股上市 (股份有限公司 not listed, ≥ 10000万, profit > 0 in 2019 and 2020): S1 ✓; S2 profit 0 in 2019 ✗;
//           S3 listed 新三板 in 2020 ✗; S4 no 2019 filing ✗; S5 not a 股份有限公司 ✗.
// Each list is ordered by county, revenue (descending), code.
let wh: Warehouse;
let out: string;
const names = (file: string) =>
  readFileSync(join(out, '2020', file), 'utf8')
    .split('\r\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.split(',')[0]);

beforeAll(async () => {
  wh = await buildFixtureWarehouse(['growth_paths.sql']);
  // A name a spreadsheet would execute, to prove the CSV neutralises it.
  await withConnection(wh, (con) =>
    con.run(
      `update staging.stg_entities set name = '=HYPERLINK("http://x.example","点我")' where uscc = 'K1'`,
    ),
  );
  out = join(wh.path, '..', 'internal');
  await writeCandidateLists({ dbPath: wh.path, year: 2020, outDir: out });
}, 60_000);
afterAll(() => wh?.close());

describe('xiaowei candidates: the 培育库 lists of methodology §9', () => {
  it('applies the 小升规 rule: ≥ 80 % of the threshold (inclusive), growth ≥ 10 % (inclusive) or no t−1 filing', () => {
    expect(names('upgrade_candidates_2020.csv')).toEqual(['R5', 'K5', 'K2', 'K1']);
  });

  it('applies the 规改股 rule: 规上 有限责任公司 (any form) with revenue ≥ 5,000万元', () => {
    expect(names('joint_stock_candidates_2020.csv')).toEqual(['S5', 'R2', 'R1']);
  });

  it('applies the 股上市 rule: unlisted 股份有限公司, revenue ≥ 10,000万元, profit > 0 in t and t−1', () => {
    expect(names('listing_candidates_2020.csv')).toEqual(['S1']);
  });

  it('marks every CSV, sheet and page 内部资料 and says who may see the lists', async () => {
    const dir = join(out, '2020');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.csv'))) {
      const first = readFileSync(join(dir, f), 'utf8').split('\r\n')[0];
      expect(first, f).toMatch(/^\uFEFF内部资料｜/);
      expect(first).toContain('培育库的工作人员');
    }
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(join(dir, 'candidates_2020.xlsx'));
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['说明', '小升规候选', '规改股候选', '股上市候选']);
    for (const ws of wb.worksheets) {
      expect(String(ws.getCell('A1').value), ws.name).toMatch(/^内部资料：/);
      expect(ws.headerFooter.oddHeader, ws.name).toContain('内部资料');
    }
    const html = readFileSync(join(dir, 'candidates_2020.html'), 'utf8');
    expect(html).toContain('<div class="mark">内部资料</div>');
    expect(html).toContain('@top-center { content: "内部资料"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!x\.example)/);
    // The name is escaped on the page, not markup.
    expect(html).toContain('=HYPERLINK(&quot;http://x.example&quot;,&quot;点我&quot;)');
    const readme = readFileSync(join(dir, 'README.txt'), 'utf8');
    expect(readme).toMatch(/^内部资料｜2020年/);
    expect(readme).toContain('谁可以看：内部资料：企业名单仅限市市场监管局、市经信委、市金融办');
  });

  it('neutralises formula-like text in CSV cells and keeps numbers as numbers', () => {
    const line = readFileSync(join(out, '2020', 'upgrade_candidates_2020.csv'), 'utf8')
      .split('\r\n')
      .find((l) => l.startsWith('K1,'));
    // K1: name, county, industry, type, 60 persons, threshold 2000, revenue 1600, 0.8 of it, 1450 in 2019, +10.34 %.
    expect(line).toBe(
      `K1,"'=HYPERLINK(""http://x.example"",""点我"")",长兴县,33 金属制品业,有限责任公司,60,2000,1600,0.8,1450,0.1034`,
    );
    // The publication layer's rule (pipelines/publish/csvCell.ts): plain numbers stay numbers, even as text.
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-5')).toBe('-5');
    expect(csvField('-A1')).toBe("'-A1");
    expect(['+A1', '@SUM(A1)', '\tx'].map(csvField)).toEqual(["'+A1", "'@SUM(A1)", "'\tx"]);
  });

  it('makes the folders owner-only (0700) and the files owner-readable only (0600), and marks them internal', () => {
    const dir = join(out, '2020');
    expect(statSync(out).mode & 0o777).toBe(0o700);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      INTERNAL_MARKER,
      'README.txt',
      'candidates_2020.html',
      'candidates_2020.xlsx',
      'joint_stock_candidates_2020.csv',
      'listing_candidates_2020.csv',
      'upgrade_candidates_2020.csv',
    ]);
    for (const f of files) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
  });

  it('rewrites byte-identical files on the same warehouse, whatever the clock says', async () => {
    const dir = join(out, '2020');
    const [a, b] = await atTwoClockTimes(async (run) => {
      const again = join(out, '..', `internal-again-${run}`);
      await writeCandidateLists({ dbPath: wh.path, year: 2020, outDir: again });
      return join(again, '2020');
    });
    const files = readdirSync(dir).sort();
    expect(files).toContain('candidates_2020.xlsx');
    for (const d of [a, b]) {
      expect(readdirSync(d).sort()).toEqual(files);
      for (const f of files)
        expect(readFileSync(join(d, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
    }
    // Every zip entry of the workbook is dated 31 January after the data year, as its document dates:
    // 2021-01-31 = (2021 − 1980) << 9 | 1 << 5 | 31 = 21055, at 00:00.
    for (const t of zipEntryTimes(readFileSync(join(dir, 'candidates_2020.xlsx'))))
      expect(t).toEqual([21055, 0]);
  });

  it('refuses a year without filings with a clear message and writes nothing', async () => {
    const empty = join(wh.path, '..', 'internal-empty');
    const attempt = writeCandidateLists({ dbPath: wh.path, year: 2015, outDir: empty });
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(
      /2015 年没有企业年度经营指标.*已入库年份：2016, 2017, 2018, 2019, 2020/,
    );
    expect(existsSync(empty)).toBe(false);
  });

  it('exits non-zero from the CLI for a year without filings, and prints the counts otherwise', async () => {
    const run = async (year: string, outDir: string) => {
      const io = { out: '', err: '' };
      const code = await main(
        ['node', 'xiaowei', 'candidates', '--year', year, '--db', wh.path, '--out', outDir],
        {
          stdout: { write: (s: string) => (io.out += s) },
          stderr: { write: (s: string) => (io.err += s) },
          env: {},
        },
      );
      return { code, ...io };
    };
    const missing = await run('2014', join(wh.path, '..', 'internal-cli-empty'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('2014 年没有企业年度经营指标');
    expect(existsSync(join(wh.path, '..', 'internal-cli-empty'))).toBe(false);
    const ok = await run('2020', join(wh.path, '..', 'internal-cli'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('小升规 4 户，规改股 3 户，股上市 1 户');
  });
});
