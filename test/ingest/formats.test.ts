import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withConnection } from '../../pipelines/db/warehouse.ts';
import {
  addsUp,
  CODES,
  FIXTURES,
  INDICATORS_HEADER,
  REGISTRY_HEADER,
  type TestWarehouse,
  testWarehouse,
} from './helpers.ts';

let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const REGISTRY_FIXTURE = join(FIXTURES, 'registry_2019-12-31.csv');

// Everything but the file bookkeeping, in line order: what two encodings of the same extract must agree on.
async function registryContent(file: string) {
  return t.rows(
    `select * exclude (file_id, source_file) from raw.registry where source_file = $f order by source_line`,
    { f: file },
  );
}

describe('formats and encodings load identically', () => {
  let reference: Record<string, unknown>[];
  beforeAll(async () => {
    const [r] = await t.ingest([REGISTRY_FIXTURE]);
    expect(r.rows_loaded).toBe(5);
    reference = await registryContent(REGISTRY_FIXTURE);
  });

  it('reads a GBK CSV with Chinese headers as the UTF-8 one (encoding gbk)', async () => {
    const text = `${readFileSync(REGISTRY_FIXTURE, 'utf8')}\n`; // an extra blank line: new content hash, same rows
    const path = t.write('gbk/registry_2019-12-31.csv', iconv.encode(text, 'gbk'));
    const [r] = await t.ingest([path]);
    expect([r.status, r.encoding, r.rows_loaded]).toEqual(['loaded', 'gbk', 5]);
    expect(await registryContent(path)).toEqual(reference);
  });

  it('labels a file with GB18030 four-byte characters gb18030 and decodes them', async () => {
    const text = `${readFileSync(REGISTRY_FIXTURE, 'utf8').replace('湖州甲科技', '湖州𠀀科技')}`; // U+20000: 4 bytes in GB18030
    // another extract date: a changed snapshot of 2019-12-31 would be refused (ingest README, snapshots)
    const path = t.write('gb18030/registry_2019-12-30.csv', iconv.encode(text, 'gb18030'));
    const [r] = await t.ingest([path]);
    expect([r.status, r.encoding, r.rows_loaded]).toEqual(['loaded', 'gb18030', 5]);
    const [row] = await t.rows('select name from raw.registry where source_file = $f and source_line = 2', {
      f: path,
    });
    expect(row).toEqual({ name: '湖州𠀀科技有限公司' });
  });

  it('reads a UTF-8 CSV with a BOM (encoding utf8-bom) and CRLF line ends', async () => {
    const text = readFileSync(REGISTRY_FIXTURE, 'utf8').replaceAll('\n', '\r\n');
    const path = t.write(
      'bom/registry_2019-12-31.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    const [r] = await t.ingest([path]);
    expect([r.status, r.encoding, r.rows_loaded]).toEqual(['loaded', 'utf8-bom', 5]);
    expect(await registryContent(path)).toEqual(reference);
  });

  it('reads a TSV', async () => {
    const text = readFileSync(REGISTRY_FIXTURE, 'utf8').replace('"1,250.5"', '1250.5').replaceAll(',', '\t');
    const path = t.write('tsv/registry_2019-12-31.tsv', text);
    const [r] = await t.ingest([path]);
    expect([r.status, r.format, r.rows_loaded]).toEqual(['loaded', 'tsv', 5]);
    expect(await registryContent(path)).toEqual(reference);
  });

  it('reads an XLSX workbook (exceljs) with the same rows, dates as Excel dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('登记信息');
    const lines = readFileSync(REGISTRY_FIXTURE, 'utf8').trim().split('\n');
    ws.addRow(lines[0].split(','));
    for (const line of lines.slice(1)) {
      const cells: unknown[] = line.replace('"1,250.5"', '1250.5').split(',');
      if (cells[3] === '2015-03-05') cells[3] = new Date(Date.UTC(2015, 2, 5)); // a real date cell
      cells[8] = Number(cells[8]); // a number cell
      ws.addRow(cells);
    }
    const path = join(t.dir, 'registry_2019-12-31.xlsx');
    await wb.xlsx.writeFile(path);
    const [r] = await t.ingest([path]);
    expect([r.status, r.format, r.rows_loaded]).toEqual(['loaded', 'xlsx', 5]);
    expect(await registryContent(path)).toEqual(reference);
  });

  it('reads Chinese text of a large workbook whole: no character split between two inflated chunks is garbled', async () => {
    // exceljs' streaming reader turns such characters into U+FFFD (exceljs issue #2084); 3 000 names of
    // 12–20 characters make a shared-strings part far larger than one 16 KiB chunk
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('登记信息');
    ws.addRow(['统一社会信用代码', '企业名称', '成立日期', '行政区划代码']);
    const names: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const name = `湖州${'甲乙丙丁戊己庚辛壬癸'.slice(0, 1 + (i % 9))}${i}号科技有限公司`;
      names.push(name);
      ws.addRow([CODES.a, name, '2015-03-05', '330502']);
    }
    const path = join(t.dir, 'registry_2018-12-31.xlsx');
    await wb.xlsx.writeFile(path);
    const [r] = await t.ingest([path]);
    expect([r.status, r.rows_read]).toEqual(['loaded', 3000]); // one uscc 3000 times: duplicate_conflict
    const got = await t.read(
      z.object({ raw: z.string() }),
      'select raw from ops.quarantine where file = $f order by line',
      {
        f: path,
      },
    );
    expect(got.map((g) => g.raw.split(',')[1])).toEqual(names);
  });

  it('reads Parquet written by DuckDB and an Arrow IPC file written by apache-arrow', async () => {
    const pq = join(t.dir, 'registry_2019-12-31.parquet');
    await withConnection(t.wh, (con) =>
      con.run(`copy (select * from read_csv($src, all_varchar = true)) to '${pq}' (format parquet)`, {
        src: REGISTRY_FIXTURE,
      }),
    );
    const [p] = await t.ingest([pq]);
    expect([p.status, p.format, p.rows_loaded]).toEqual(['loaded', 'parquet', 5]);
    expect(await registryContent(pq)).toEqual(reference);

    const arrowPath = t.write(
      'registry_2019-06-30.arrow',
      Buffer.from(
        tableToIPC(
          tableFromArrays({
            uscc: [CODES.a],
            name: ['湖州甲科技有限公司'],
            established_on: ['2015-03-05'],
            county_code: ['330502'],
            registered_capital_wan: [100],
          }),
          'file',
        ),
      ),
    );
    const [a] = await t.ingest([arrowPath]);
    expect([a.status, a.format, a.kind, a.rows_loaded]).toEqual(['loaded', 'arrow', 'registry', 1]);
    const streamPath = t.write(
      'registry_2019-03-31.arrows',
      Buffer.from(
        tableToIPC(
          tableFromArrays({
            uscc: [CODES.b],
            name: ['乙'],
            established_on: ['2016-01-01'],
            status: ['存续'],
          }),
          'stream',
        ),
      ),
    );
    const [st] = await t.ingest([streamPath]);
    expect([st.status, st.format, st.rows_loaded]).toEqual(['loaded', 'arrow', 1]);
    const rows = await t.rows(
      'select registered_capital_wan, source_line from raw.registry where source_file = $f',
      {
        f: arrowPath,
      },
    );
    expect(rows).toEqual([{ registered_capital_wan: 100, source_line: 2 }]);
  });
});

describe('values', () => {
  it('divides amounts under a （元） header by 10 000: 123,450 元 → 12.345 万元', async () => {
    const header = INDICATORS_HEADER.replace('营业收入（万元）', '营业收入（元）');
    const path = t.write(
      'indicators_yuan.csv',
      `${header}\n${CODES.a},2019,25,"123,450",800,0,0,0,0,0,否,否,\n`,
    );
    const [r] = await t.ingest([path]);
    expect(r.rows_loaded).toBe(1);
    const [row] = await t.read(
      z.object({ revenue_wan: z.number(), assets_wan: z.number() }),
      'select revenue_wan, assets_wan from raw.enterprise_indicators where source_file = $f',
      { f: path },
    );
    expect(row.revenue_wan).toBeCloseTo(12.345, 10); // 123450 / 10000
    expect(row.assets_wan).toBe(800); // 万元 header: as is
  });

  it('maps English headers and reads every contract date format, Excel serials included', async () => {
    // 43529 days after 1899-12-30 is 2019-03-05 (Excel serial, data-contract §5)
    const header = 'uscc,name,established_on,status,closed_on,county_code';
    const rows = [
      `${CODES.a},甲,2019-03-05,存续,,330502`,
      `${CODES.b},乙,2019/3/5,存续,,330503`,
      `${CODES.c},丙,20190305,存续,,330521`,
      `${CODES.d},丁,2019年3月5日,存续,,330522`,
      `${CODES.e},戊,43529,注销,2019年12月1日,330523`,
    ];
    const path = t.write('registry_20201231_en.csv', `${header}\n${rows.join('\n')}\n`);
    const [r] = await t.ingest([path]);
    expect([r.kind, r.as_of, r.rows_loaded]).toEqual(['registry', '2020-12-31', 5]);
    const got = await t.rows('select distinct established_on from raw.registry where source_file = $f', {
      f: path,
    });
    expect(got).toEqual([{ established_on: '2019-03-05' }]);
    const closed = await t.rows(
      'select closed_on from raw.registry where source_file = $f and closed_on is not null',
      {
        f: path,
      },
    );
    expect(closed).toEqual([{ closed_on: '2019-12-01' }]);
  });

  it('takes the extract date from an as_of (截止日期) column when the name has none', async () => {
    const header = `${REGISTRY_HEADER},截止日期`;
    const path = t.write(
      'registry_latest.csv',
      `${header}\n${CODES.a},甲,有限责任公司,2015-03-05,存续,,330502,C1713,1,否,,,,2020-06-30\n`,
    );
    const [r] = await t.ingest([path]);
    expect([r.status, r.as_of, r.rows_loaded]).toEqual(['loaded', '2020-06-30', 1]);
    expect(addsUp(r)).toBe(true);
  });
});
