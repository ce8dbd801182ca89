import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';
import { extractDatesFromName } from '../../pipelines/ingest/extractDatesFromName.ts';
import {
  addsUp,
  CODES,
  INDICATORS_HEADER,
  REGISTRY_HEADER,
  type TestWarehouse,
  testWarehouse,
} from './helpers.ts';

// Input that could be read two ways gets a quarantine reason, a refusal or a printed line — never a silent guess.
let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const reg = (code: string, established: string, county = '330502') =>
  `${code},甲,有限责任公司,${established},存续,,${county},C1713,100,否,,,`;

describe('dates', () => {
  it('quarantines a year-only date (2019) as date_unparseable instead of reading it as the Excel serial 1905-07-11', async () => {
    // 43529 is an Excel serial in the plausible range (2019-03-05); 2019 and 17000 are not (1905, 1946)
    const rows = [reg(CODES.a, '43529'), reg(CODES.b, '2019', '330503'), reg(CODES.c, '17000', '330521')];
    const path = t.write('registry_2019-12-31.csv', `${REGISTRY_HEADER}\n${rows.join('\n')}\n`);
    const [r] = await t.ingest([path]);
    expect([r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual([3, 1, 2]);
    const q = await t.rows(
      'select line, column_name, reason, detail from ops.quarantine where file = $f order by line',
      {
        f: path,
      },
    );
    expect(q).toEqual([
      {
        line: 3,
        column_name: 'established_on',
        reason: 'date_unparseable',
        detail:
          '2019: a bare number is a date only as an Excel serial from 18264 (1950-01-01) to 73050 (2099-12-31)',
      },
      {
        line: 4,
        column_name: 'established_on',
        reason: 'date_unparseable',
        detail:
          '17000: a bare number is a date only as an Excel serial from 18264 (1950-01-01) to 73050 (2099-12-31)',
      },
    ]);
    const [loaded] = await t.rows('select established_on from raw.registry where source_file = $f', {
      f: path,
    });
    expect(loaded).toEqual({ established_on: '2019-03-05' });
  });

  it('refuses a registry file whose name carries two dates and no as_of column, naming both', async () => {
    expect(extractDatesFromName('/x/registry_2019-12-31_corrected_20200115.csv')).toEqual([
      '2019-12-31',
      '2020-01-15',
    ]);
    const path = t.write(
      'registry_2019-12-31_corrected_20200115.csv',
      `${REGISTRY_HEADER}\n${reg(CODES.a, '2015-03-05')}\n`,
    );
    const [r] = await t.ingest([path]);
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(/file name carries two dates \(2019-12-31, 2020-01-15\)/);
  });

  it('reads the extract date from a name in the 2019年12月31日 form of government exports, and dotted or underscored', async () => {
    expect(extractDatesFromName('r_2019.12.31.csv')).toEqual(['2019-12-31']);
    expect(extractDatesFromName('r_2019_06_30.csv')).toEqual(['2019-06-30']);
    expect(extractDatesFromName('r_2019-1231.csv')).toEqual([]); // mixed separators: not a date
    expect(extractDatesFromName('r_2019年2月30日.csv')).toEqual([]); // no such day
    expect(extractDatesFromName('r_2019年6月30日_2019-12-31.csv')).toEqual(['2019-06-30', '2019-12-31']);
    const path = t.write(
      '湖州市市场主体登记信息（截至2017年6月30日）.csv',
      `${REGISTRY_HEADER}\n${reg(CODES.a, '2015-03-05')}\n`,
    );
    const [r] = await t.ingest([path]);
    expect([r.status, r.kind, r.as_of, r.rows_loaded]).toEqual(['loaded', 'registry', '2017-06-30', 1]);
  });

  it('with two dates in the name, dates each row by its as_of column and says the name was not used', async () => {
    const path = t.write(
      'registry_2018-06-30_to_2018-09-30.csv',
      `${REGISTRY_HEADER},截止日期\n${reg(CODES.a, '2015-03-05')},2018-09-30\n${reg(CODES.b, '2016-01-01', '330503')},\n`,
    );
    const [r] = await t.ingest([path]);
    expect([r.status, r.as_of, r.rows_loaded, r.rows_quarantined]).toEqual(['loaded', '2018-09-30', 1, 1]);
    expect(r.notes).toContain(
      "the file name carries several dates (2018-06-30, 2018-09-30); each row's as_of (截止日期) value is its extract date",
    );
    const q = await t.rows('select line, reason, column_name from ops.quarantine where file = $f', {
      f: path,
    });
    expect(q).toEqual([{ line: 3, reason: 'required_missing', column_name: 'as_of' }]);
  });
});

describe('a snapshot already loaded', () => {
  it('refuses a later file whose 截止日期 names a loaded snapshot with different rows, keeping that snapshot whole', async () => {
    const first = t.write(
      'registry_2017-12-31.csv',
      `${REGISTRY_HEADER}\n${reg(CODES.a, '2015-03-05')}\n${reg(CODES.b, '2016-01-01', '330503')}\n`,
    );
    const [f] = await t.ingest([first]);
    expect(f.rows_loaded).toBe(2);
    const later = t.write(
      'registry_latest.csv',
      `${REGISTRY_HEADER},截止日期\n${reg(CODES.c, '2016-05-01', '330521')},2017-12-31\n`,
    );
    const [r] = await t.ingest([later]);
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(
      /registry snapshot 2017-12-31 is already loaded from .*registry_2017-12-31\.csv \(2 rows\); this file's 1 rows for that date differ in 3 row\(s\)/,
    );
    const rows = await t.rows("select count(*)::int as n from raw.registry where as_of = '2017-12-31'");
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('loads a file that repeats a loaded snapshot row for row (another encoding or line ends), with a printed note', async () => {
    const crlf = t.write(
      'again/registry_2017-12-31.csv',
      `${REGISTRY_HEADER}\r\n${reg(CODES.a, '2015-03-05')}\r\n${reg(CODES.b, '2016-01-01', '330503')}\r\n`,
    );
    const [r] = await t.ingest([crlf]);
    expect([r.status, r.rows_loaded]).toEqual(['loaded', 2]);
    expect(
      r.notes.some((n) => /snapshot 2017-12-31 is already loaded from .* with the same rows/.test(n)),
    ).toBe(true);
    expect(addsUp(r)).toBe(true);
  });
});

describe('headers', () => {
  it('refuses a header that names a column twice, saying which columns', async () => {
    const header = `${INDICATORS_HEADER},营业收入（万元）`;
    const path = t.write(
      'indicators_dup.csv',
      `${header}\n${CODES.a},2019,25,1200.5,800,-12.5,30,60,5,0,否,是,,1300\n`,
    );
    const [r] = await t.ingest([path]);
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(
      /column revenue is named twice in the header \(columns 4 \(营业收入（万元）\), 14 \(营业收入（万元）\)\)/,
    );
  });
});

describe('files that are not plain extracts', () => {
  it('refuses a symbolic link with a reason and reports sidecar names in a folder, never skipping either silently', async () => {
    const dir = join(t.dir, 'folder');
    mkdirSync(dir);
    const real = t.write(
      'elsewhere/plan_2020.csv',
      '年度,季度,行政区划代码,指标序号,数值,报送单位\n2020,1,330502,1,1,甲\n',
    );
    symlinkSync(real, join(dir, 'plan_2020.csv'));
    t.write('folder/Manifest_2020.csv', 'file,rows\n');
    t.write('folder/readme_first.txt', 'hello\n');
    const results = await t.ingest([dir]);
    expect(results.map((r) => [r.file.split('/').pop(), r.status])).toEqual([
      ['Manifest_2020.csv', 'skipped'],
      ['readme_first.txt', 'skipped'],
      ['plan_2020.csv', 'rejected'],
    ]);
    expect(results[2].message).toMatch(/symbolic link: not followed/);
    const log = await t.rows('select status from ops.ingest_log where file = $f', {
      f: join(dir, 'plan_2020.csv'),
    });
    expect(log).toEqual([{ status: 'rejected' }]);
  });

  it('prints file names with terminal escape sequences escaped, never raw', async () => {
    const path = t.write('evil\x1b[2J\x1b]0;pwned\x07.csv', 'a,b\n1,2\n');
    const out: string[] = [];
    const io: CliIo = {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => out.push(s) },
      env: { CI: '1' },
    };
    // a warehouse of its own: the CLI opens its file itself (one instance per file per process)
    const code = await main(['node', 'xiaowei', 'ingest', path, '--db', join(t.dir, 'cli.duckdb')], io);
    expect(code).toBe(1);
    const printed = out.join('');
    expect(printed.includes('\x1b') || printed.includes('\x07')).toBe(false);
    expect(printed).toContain('evil\\x1b[2J\\x1b]0;pwned\\x07.csv');
  });
});
