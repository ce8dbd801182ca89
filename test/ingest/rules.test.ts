import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addsUp,
  CODES,
  INDICATORS_HEADER,
  PLAN_HEADER,
  REGISTRY_HEADER,
  type TestWarehouse,
  testWarehouse,
} from './helpers.ts';

// One hand-made file per rule: a header, one good row (line 2) and the bad row (line 3). Each test asserts the
// bad row's quarantine line, column and reason, and that the good row loaded.
let t: TestWarehouse;
let n = 0;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const GOOD_REG = `${CODES.a},湖州甲科技有限公司,有限责任公司,2015-03-05,存续,,330502,C1713,100,否,,,`;
const GOOD_IND = `${CODES.a},2019,25,1200.5,800,-12.5,30,60,5,0,否,是,`;
const GOOD_PLAN = '2019,1,330502,1,1523,市市场监管局';

async function quarantineOf(kind: 'registry' | 'indicators' | 'plan', badRow: string) {
  n++;
  const [header, good, name] =
    kind === 'registry'
      ? [REGISTRY_HEADER, GOOD_REG, `registry_2019-12-31_${n}.csv`]
      : kind === 'indicators'
        ? [INDICATORS_HEADER, GOOD_IND, `indicators_${n}.csv`]
        : [PLAN_HEADER, GOOD_PLAN, `plan_${n}.csv`];
  const path = t.write(name, `${header}\n${good}\n${badRow}\n`);
  const [r] = await t.ingest([path]);
  expect(r.status).toBe('loaded');
  expect(r.rows_read).toBe(2);
  expect(r.rows_loaded).toBe(1);
  expect(addsUp(r)).toBe(true);
  return t.read(
    z.object({ line: z.number(), column_name: z.string().nullable(), reason: z.string(), raw: z.string() }),
    'select line, column_name, reason, raw from ops.quarantine where file = $f',
    { f: path },
  );
}

describe('registry rules (data-contract §1)', () => {
  const cases: Array<[string, string, string | null, string]> = [
    [
      'required_missing',
      `,湖州乙有限公司,有限责任公司,2016-01-01,存续,,330502,C1713,1,否,,,`,
      'uscc',
      'empty 统一社会信用代码',
    ],
    [
      'required_missing',
      `${CODES.b},,有限责任公司,2016-01-01,存续,,330503,C1713,1,否,,,`,
      'name',
      'empty 企业名称',
    ],
    [
      'uscc_malformed',
      `91330503MA2B0002,湖州乙有限公司,有限责任公司,2016-01-01,存续,,330503,C1713,1,否,,,`,
      'uscc',
      '16 characters',
    ],
    [
      'uscc_malformed',
      `91330503MA2B0002IO,湖州乙有限公司,有限责任公司,2016-01-01,存续,,330503,C1713,1,否,,,`,
      'uscc',
      'letters I and O are not in the USCC alphabet',
    ],
    [
      'date_unparseable',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-02-30,存续,,330503,C1713,1,否,,,`,
      'established_on',
      'no 30 February',
    ],
    [
      'date_unparseable',
      `${CODES.b},湖州乙有限公司,有限责任公司,去年,存续,,330503,C1713,1,否,,,`,
      'established_on',
      'not a date',
    ],
    [
      'date_future',
      `${CODES.b},湖州乙有限公司,有限责任公司,2020-01-01,存续,,330503,C1713,1,否,,,`,
      'established_on',
      'after the 2019-12-31 extract date',
    ],
    [
      'closed_before_established',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,注销,2016-04-30,330503,C1713,1,否,,,`,
      'closed_on',
      'closed a day before it was established',
    ],
    [
      'closed_on_missing',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,吊销,,330503,C1713,1,否,,,`,
      'closed_on',
      '吊销 without a date',
    ],
    [
      'county_unknown',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,存续,,330599,C1713,1,否,,,`,
      'county_code',
      '330599 is not a GB/T 2260 code',
    ],
    [
      'negative_value',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,存续,,330503,C1713,-1,否,,,`,
      'registered_capital',
      'negative capital',
    ],
    [
      'value_unparseable',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,存续,,330503,C1713,一百,否,,,`,
      'registered_capital',
      'capital in words',
    ],
    [
      'bad_enum',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,营业,,330503,C1713,1,否,,,`,
      'status',
      '营业 is not a 登记状态',
    ],
    [
      'bad_enum',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,存续,,330503,C1713,1,否,,,汽车`,
      'priority_industry',
      '汽车 is not one of the eight',
    ],
    ['row_truncated', `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01`, null, 'four fields of thirteen'],
    [
      'row_too_long',
      `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,存续,,330503,C1713,1,否,,,,extra`,
      null,
      'fifteen fields',
    ],
  ];
  for (const [reason, row, column, why] of cases) {
    it(`quarantines a registry row under ${reason} (${why})`, async () => {
      const q = await quarantineOf('registry', row);
      expect(q).toEqual([{ line: 3, column_name: column, reason, raw: row }]);
    });
  }

  it('quarantines every row sharing a uscc when they disagree (duplicate_conflict)', async () => {
    const conflict = GOOD_REG.replace('有限责任公司,2015-03-05', '有限责任公司,2015-03-06');
    const path = t.write('registry_2019-12-31_dup.csv', `${REGISTRY_HEADER}\n${GOOD_REG}\n${conflict}\n`);
    const [r] = await t.ingest([path]);
    expect([r.rows_read, r.rows_loaded, r.rows_quarantined, r.rows_dropped]).toEqual([2, 0, 2, 0]);
    const q = await t.rows('select line, reason from ops.quarantine where file = $f order by line', {
      f: path,
    });
    expect(q).toEqual([
      { line: 2, reason: 'duplicate_conflict' },
      { line: 3, reason: 'duplicate_conflict' },
    ]);
  });

  it('loads the first of exact copies and drops the later ones (duplicate_exact)', async () => {
    const path = t.write(
      'registry_2019-12-31_exact.csv',
      `${REGISTRY_HEADER}\n${GOOD_REG}\n${GOOD_REG}\n${GOOD_REG}\n`,
    );
    const [r] = await t.ingest([path]);
    expect([r.rows_read, r.rows_loaded, r.rows_quarantined, r.rows_dropped]).toEqual([3, 1, 0, 2]);
    const loaded = await t.rows('select source_line from raw.registry where source_file = $f', { f: path });
    expect(loaded).toEqual([{ source_line: 2 }]);
  });

  it('loads a check-digit failure flagged, not quarantined (uscc_check_digit)', async () => {
    const row = GOOD_REG.replace(CODES.a, CODES.badCheck);
    const path = t.write('registry_2019-11-30_flag.csv', `${REGISTRY_HEADER}\n${row}\n`);
    const [r] = await t.ingest([path]);
    expect([r.rows_loaded, r.rows_quarantined, r.rows_flagged]).toEqual([1, 0, 1]);
    const loaded = await t.rows('select uscc_check_ok from raw.registry where source_file = $f', { f: path });
    expect(loaded).toEqual([{ uscc_check_ok: false }]);
  });
});

describe('check digits computed once per code', () => {
  it('flags a code seen in an earlier file again: a cached verdict is the computed one', async () => {
    // both files hold CODES.a (valid) and CODES.badCheck (position 18 wrong); the second file reuses the
    // verdicts the first one computed (create_uscc_checks.sql), so it must flag exactly the same row
    const results = [];
    for (const year of [2017, 2018]) {
      const rows = [CODES.a, CODES.badCheck].map((c, i) => `${c},${year},${i + 1},1,1,1,1,1,0,0,否,否,`);
      const path = t.write(`indicators_cache_${year}.csv`, `${INDICATORS_HEADER}\n${rows.join('\n')}\n`);
      results.push(...(await t.ingest([path])));
    }
    expect(results.map((r) => [r.rows_loaded, r.rows_flagged])).toEqual([
      [2, 1],
      [2, 1],
    ]);
  });
});

describe('enterprise indicator rules (data-contract §2)', () => {
  const cases: Array<[string, string, string | null, string]> = [
    ['required_missing', `${CODES.b},,25,1,1,1,1,1,1,1,否,否,`, 'year', 'empty 年度'],
    ['year_invalid', `${CODES.b},19,25,1,1,1,1,1,1,1,否,否,`, 'year', 'two-digit year'],
    ['negative_value', `${CODES.b},2019,25,-5,1,1,1,1,1,1,否,否,`, 'revenue', 'negative 营业收入'],
    ['negative_value', `${CODES.b},2019,-1,5,1,1,1,1,0,1,否,否,`, 'employees', 'negative 从业人员'],
    ['value_unparseable', `${CODES.b},2019,2.5,5,1,1,1,1,1,1,否,否,`, 'employees', 'half a person'],
    [
      'tech_staff_exceeds_employees',
      `${CODES.b},2019,5,5,1,1,1,1,6,1,否,否,`,
      'tech_staff',
      '6 tech staff of 5 employees',
    ],
    ['bad_enum', `${CODES.b},2019,5,5,1,1,1,1,1,1,是的,否,`, 'above_scale', '是的 is not 是/否'],
    ['bad_enum', `${CODES.b},2019,5,5,1,1,1,1,1,1,否,否,主板`, 'listing', '主板 is not a listing value'],
    ['uscc_malformed', `9133050,2019,5,5,1,1,1,1,1,1,否,否,`, 'uscc', 'seven characters'],
  ];
  for (const [reason, row, column, why] of cases) {
    it(`quarantines an indicator row under ${reason} (${why})`, async () => {
      const q = await quarantineOf('indicators', row);
      expect(q).toEqual([{ line: 3, column_name: column, reason, raw: row }]);
    });
  }
});

describe('plan indicator rules (data-contract §3)', () => {
  const cases: Array<[string, string, string | null, string]> = [
    ['indicator_no_invalid', '2019,1,330502,20,5,市科技局', 'indicator_no', 'the annex has 19 indicators'],
    ['indicator_no_invalid', '2019,1,330502,0,5,市科技局', 'indicator_no', 'indicators start at 1'],
    ['bad_enum', '2019,5,330502,2,5,市科技局', 'quarter', 'no fifth quarter'],
    ['negative_value', '2019,1,330502,2,-5,市科技局', 'value', 'negative 数值'],
    ['county_unknown', '2019,1,330100,2,5,市科技局', 'region_code', '330100 is Hangzhou'],
    ['year_invalid', '二〇一九,1,330502,2,5,市科技局', 'year', 'year in Chinese numerals'],
    ['required_missing', '2019,1,330502,2,,市科技局', 'value', 'empty 数值'],
  ];
  for (const [reason, row, column, why] of cases) {
    it(`quarantines a plan row under ${reason} (${why})`, async () => {
      const q = await quarantineOf('plan', row);
      expect(q).toEqual([{ line: 3, column_name: column, reason, raw: row }]);
    });
  }

  it('treats the same year+quarter+region+indicator with another value as duplicate_conflict', async () => {
    const path = t.write(
      'plan_conflict.csv',
      `${PLAN_HEADER}\n${GOOD_PLAN}\n2019,1,330502,1,1524,市市场监管局\n`,
    );
    const [r] = await t.ingest([path]);
    expect([r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual([2, 0, 2]);
  });
});

describe('row shape', () => {
  it('quarantines an unclosed quote on the last line as row_truncated and counts blank lines as nothing', async () => {
    // line 1 header, 2 good, 3 blank, 4 good (another code), 5 cut inside a quoted number
    const row4 = GOOD_REG.replace(CODES.a, CODES.c).replace('330502', '330521');
    const cut = `${CODES.b},湖州乙有限公司,有限责任公司,2016-05-01,存续,,330503,C1713,"1,2`;
    const path = t.write('registry_2019-10-31_cut.csv', `${REGISTRY_HEADER}\n${GOOD_REG}\n\n${row4}\n${cut}`);
    const [r] = await t.ingest([path]);
    expect([r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual([3, 2, 1]);
    const q = await t.rows('select line, reason from ops.quarantine where file = $f', { f: path });
    expect(q).toEqual([{ line: 5, reason: 'row_truncated' }]);
    const lines = await t.rows('select source_line from raw.registry where source_file = $f order by 1', {
      f: path,
    });
    expect(lines).toEqual([{ source_line: 2 }, { source_line: 4 }]);
  });
});
