import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildUscc } from '../../pipelines/domain/uscc.ts';
import { UserError } from '../../pipelines/messages/catalogue.ts';
import { csvField, isFormulaLike, neutraliseCsvText, parseCsv } from '../../pipelines/publish/csvCell.ts';
import type { GuardOptions } from '../../pipelines/publish/guard/guardTypes.ts';
import { scanPublicFiles } from '../../pipelines/publish/guard/scanPublicFiles.ts';
import { PublicOutput } from '../../pipelines/publish/publicOutput.ts';
import { tableCsv } from '../../pipelines/report/tableCsv.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'xw-guard-'));
  dirs.push(d);
  return d;
}
const OPTIONS: GuardOptions = {
  min: 3,
  withheldValues: [134.6528037027769],
  machinePaths: ['/srv/xiaowei-prod'],
};

/** Scans one file with the given content and returns its findings as 'check: detail'. */
async function findings(
  name: string,
  content: string | Uint8Array,
  o: GuardOptions = OPTIONS,
): Promise<string[]> {
  const dir = tempDir();
  writeFileSync(join(dir, name), content);
  const r = await scanPublicFiles([{ path: join(dir, name), relPath: name }], o);
  return r.findings.map((f) => `${f.check}: ${f.detail}`);
}

describe('CSV cells a spreadsheet would execute (OWASP CSV injection)', () => {
  it('prefixes =, +, -, @, tab and CR cells with an apostrophe and leaves plain numbers alone', () => {
    expect(neutraliseCsvText('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseCsvText('+1+2')).toBe("'+1+2");
    expect(neutraliseCsvText('-2+3')).toBe("'-2+3");
    expect(neutraliseCsvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCsvText('\t=1')).toBe("'\t=1");
    expect(neutraliseCsvText('\r=1')).toBe("'\r=1");
    for (const plain of ['-3.5', '+2.1', '-0.25', '12', '1e-3', '—', '湖州市'])
      expect(neutraliseCsvText(plain)).toBe(plain);
    expect(isFormulaLike('-')).toBe(true);
  });

  it('writes a hostile label as text in the report CSV and a negative number as a number', () => {
    const csv = tableCsv({
      id: 't',
      title: 't',
      columns: [
        { label: '文件', numeric: false },
        { label: '变动', numeric: true },
      ],
      rows: [
        [
          { text: '=cmd|calc', value: '=cmd|calc' },
          { text: '−3.5', value: -3.5 },
        ],
      ],
      footnotes: [],
    });
    expect(parseCsv(csv)).toEqual([
      ['文件', '变动'],
      ["'=cmd|calc", '-3.5'],
    ]);
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });
});

describe('the publication guard', () => {
  it('finds a formula cell in a CSV, but not a negative number', async () => {
    expect(await findings('t.csv', '\uFEFF地区,变动\r\n湖州市,-3.5\r\n=1+2,4\r\n')).toEqual([
      'formula_cell: csv row 3, column 地区: "=1+2"',
    ]);
  });

  it('finds a valid 18-character credit code anywhere, but not an invalid one or a hash', async () => {
    const uscc = buildUscc('91', '330502', 'MA2B3C4D');
    expect(await findings('a.html', `<p>企业 ${uscc} 的数据</p>`)).toEqual([
      'uscc: text: an 18-character credit code',
      'uscc: markup: an 18-character credit code',
    ]);
    expect(await findings('b.html', '<p>913305020000000000 a1b2c3d4e5f6</p>')).toEqual([]);
  });

  it('finds an enterprise name column and an enterprise name', async () => {
    expect(await findings('t.csv', '企业名称,营业收入\r\n湖州某某有限公司,12\r\n')).toEqual([
      'name_column: csv column 1: column "企业名称"',
      'name_column: csv row 2, column 企业名称: an enterprise name (湖州某某有限公司)',
    ]);
    expect(
      await findings('c.vl.json', JSON.stringify({ data: { values: [{ enterprise_name: 'x' }] } })),
    ).toEqual(['name_column: json.data.values[0].enterprise_name: column "enterprise_name"']);
  });

  it('finds an absolute path of this machine, but not a URL or a relative path', async () => {
    expect(await findings('t.csv', '文件\r\n/tmp/inbox/registry_2020.csv\r\ninbox/a.csv\r\n')).toEqual([
      'machine_path: csv row 2, column 文件: /tmp/inbox/registry_2020.csv',
    ]);
    expect(
      await findings(
        'p.json',
        JSON.stringify({
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
          a: '/srv/xiaowei-prod/x',
        }),
      ),
    ).toEqual(['machine_path: json.a: /srv/xiaowei-prod/x', 'machine_path: json.a: /srv/xiaowei-prod']);
  });

  it('finds an enterprise count of 1 or 2 under a count label, in a sentence, a card or a chart', async () => {
    expect(
      await findings('d.csv', '地区,年末在营,新设,新设率\r\n南浔区,43,2,4.7\r\n吴兴区,76,0,0\r\n'),
    ).toEqual(['small_count: csv row 2, column 新设: 2']);
    expect(
      await findings('s.html', '<li>2018年末南浔区在营小微企业 43 家；当年新设 1 家、注销 5 家。</li>'),
    ).toEqual(['small_count: text: "新设 1 家"']);
    const card = `window.XIAOWEI_PAGE = ${JSON.stringify({ years: [{ figures: [{ label: '当年新设企业（家）', value: '1' }] }] })};\n`;
    expect(await findings('data.js', card)).toEqual([
      'small_count: data.years[0].figures[0]: 当年新设企业（家） = 1',
    ]);
    const chart = { data: { values: [{ year: 2018, measure: '新设', value: 2, value_label: '2家' }] } };
    expect(await findings('f.vl.json', JSON.stringify(chart))).toEqual([
      'small_count: json.data.values[0]: 新设 = 2',
    ]);
  });

  it("finds a monthly flow count of 1 or 2 in the monitoring bulletin's table, sentences and charts", async () => {
    expect(
      await findings(
        'm.csv',
        '指标,地区,本月（户）,预期（户）\r\n注销企业,南浔区,2,12.0\r\n新设企业,吴兴区,40,31.5\r\n',
      ),
    ).toEqual(['small_count: csv row 2, column 本月（户）: 2']);
    expect(
      await findings('b.html', '<li>【关注】南浔区2020年6月注销企业2户，比预期（约12.0户）少10.0户。</li>'),
    ).toEqual(['small_count: text: "注销企业2户"']);
    expect(await findings('b2.html', '<li>长兴县2021年2月新设个体工商户1户。</li>')).toEqual([
      'small_count: text: "个体工商户1户"',
    ]);
    const chart = { data: { values: [{ month: '2020-06', measure: '吊销企业', value: 1 }] } };
    expect(await findings('monitor.vl.json', JSON.stringify(chart))).toEqual([
      'small_count: json.data.values[0]: 吊销企业 = 1',
    ]);
  });

  it('finds the exact value of a withheld cell, but not a simple fraction that recurs by chance', async () => {
    expect(
      await findings('r.html', '<table><tr><th>指标</th></tr><tr><td>134.6528037027769</td></tr></table>'),
    ).toEqual([
      'withheld_value: table 1 row 2, column 指标: 134.6528037027769',
      'withheld_value: text: 134.6528037027769',
      'withheld_value: markup: 134.6528037027769',
    ]);
    const twoThirds = { ...OPTIONS, withheldValues: [2 / 3, (100 * 13) / 15] };
    expect(await findings('v.vl.json', JSON.stringify({ a: 2 / 3, b: (100 * 13) / 15 }), twoThirds)).toEqual(
      [],
    );
  });

  it('finds a formula and a small count in an XLSX workbook (shared and inline strings read)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['地区', '新设', '值']);
    ws.addRow(['湖州市', 25, { formula: '1+2', result: 3 }]);
    ws.addRow(['南浔区', 2, 4]);
    const buf = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await findings('t.xlsx', buf)).toEqual([
      'formula_cell: sheet sheet1: 1 formula cell(s)',
      'small_count: sheet sheet1 row 3, column 新设: 2',
    ]);
  });
});

describe('PublicOutput', () => {
  it('publishes nothing when the guard finds a problem, and keeps the previous files whole', async () => {
    const root = join(tempDir(), '2020');
    const first = new PublicOutput(root);
    first.write('report.html', '<p>旧报告</p>');
    first.write('tables/t.csv', '地区,新设\r\n湖州市,25\r\n');
    const ok = await first.commit({ min: 3, withheldValues: [] });
    expect(ok).toEqual({ findings: [], scanned: 2, skipped: 0 });
    const second = new PublicOutput(root);
    second.write('report.html', '<p>新报告</p>');
    second.write('tables/t.csv', '地区,新设\r\n南浔区,2\r\n');
    const err = await second.commit({ min: 3, withheldValues: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain('tables/t.csv: small_count: csv row 2, column 新设: 2');
    expect(readFileSync(join(root, 'report.html'), 'utf8')).toBe('<p>旧报告</p>');
    expect(readFileSync(join(root, 'tables', 't.csv'), 'utf8')).toBe('地区,新设\r\n湖州市,25\r\n');
    // No staging directory is left behind.
    expect(readdirSync(join(root, '..'))).toEqual(['2020']);
  });

  it('refuses a file that names the directory it is written to', async () => {
    const root = join(tempDir(), 'site');
    const out = new PublicOutput(root);
    out.write('index.html', `<a href="${root}/index.html">x</a>`);
    await expect(out.commit({ min: 3, withheldValues: [] })).rejects.toThrow(/machine_path/);
  });
});
