import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_RECORD_LINES, planRecordJoins } from '../../pipelines/ingest/planRecordJoins.ts';
import { addsUp, CODES, PLAN_HEADER, REGISTRY_HEADER, type TestWarehouse, testWarehouse } from './helpers.ts';

let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const reg = (code: string, name: string, county: string) =>
  `${code},${name},有限责任公司,2015-03-05,存续,,${county},C1713,100,否,,,`;

describe('line ends', () => {
  it('loads a CR-only file (Excel for Mac) with its physical line numbers', async () => {
    // line 1 header, 2 good, 3 blank, 4 good, 5 a bad county (quarantined at line 5)
    const lines = [
      PLAN_HEADER,
      '2019,1,330502,1,1523,甲',
      '',
      '2019,2,330502,1,1600,甲',
      '2019,3,330599,1,1,甲',
    ];
    const path = t.write('plan_cr.csv', lines.join('\r'));
    const [r] = await t.ingest([path]);
    expect([r.status, r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual(['loaded', 3, 2, 1]);
    expect(addsUp(r)).toBe(true);
    const loaded = await t.rows(
      'select source_line, value from raw.plan_indicators where source_file = $f order by 1',
      {
        f: path,
      },
    );
    expect(loaded).toEqual([
      { source_line: 2, value: 1523 },
      { source_line: 4, value: 1600 },
    ]);
    const q = await t.rows('select line, reason from ops.quarantine where file = $f', { f: path });
    expect(q).toEqual([{ line: 5, reason: 'county_unknown' }]);
  });
});

describe('a quoted field spanning lines (RFC 4180)', () => {
  it('loads the record whole, numbers it with its first physical line and counts records as read', async () => {
    // 10 records on 13 physical lines: line 3 holds a name with one line break (lines 3–4), line 7 a name
    // with two (lines 7–9, the middle one blank); the record after each keeps its physical line number.
    const rows = [
      reg('91330502MA2B00019K', '甲', '330502'),
      `91330503MA2B00027W,"湖州乙\n纺织有限公司",有限责任公司,2016-07-01,存续,,330503,1713,1,否,,,`,
      reg('91330521MA2B00035R', '丙', '330521'),
      reg('91330523MA2B00051C', '丁', '330523'),
      `91330502MA2B000940,"戊服饰\n\n有限公司",个人独资企业,2018-08-08,存续,,330502,C1810,10,否,,,`,
      reg('91330502MA2B00108J', '己', '330502'),
      reg('91330502MA2B00116E', '庚', '330502'),
      reg('91330502MA2B00124A', '辛', '330502'),
      reg('91330502MA2B00132T', '壬', '330502'),
      reg('91330502MA2B00140N', '癸', '330502'),
    ];
    const path = t.write('registry_2019-12-31.csv', `${REGISTRY_HEADER}\n${rows.join('\n')}\n`);
    const [r] = await t.ingest([path]);
    expect([r.status, r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual(['loaded', 10, 10, 0]);
    const got = await t.read(
      z.object({ source_line: z.number(), name: z.string() }),
      'select source_line, name from raw.registry where source_file = $f order by source_line',
      { f: path },
    );
    expect(got.map((g) => g.source_line)).toEqual([2, 3, 5, 6, 7, 10, 11, 12, 13, 14]);
    expect(got[1].name).toBe('湖州乙\n纺织有限公司');
    expect(got[4].name).toBe('戊服饰\n\n有限公司');
  });

  it('keeps a quote that never closes to its own line (row_truncated), not swallowing the rows after it', async () => {
    // line 3 opens a quote that nothing closes: it alone is a broken row; lines 4–5 still load
    const rows = [
      reg(CODES.a, '甲', '330502'),
      `${CODES.b},"湖州乙,有限责任公司,2016-07-01,存续,,330503,1713,1,否,,,`,
      reg(CODES.c, '丙', '330521'),
      reg(CODES.e, '戊', '330523'),
    ];
    const path = t.write('registry_2018-12-31.csv', `${REGISTRY_HEADER}\n${rows.join('\n')}\n`);
    const [r] = await t.ingest([path]);
    expect([r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual([4, 3, 1]);
    const q = await t.rows('select line, reason from ops.quarantine where file = $f', { f: path });
    expect(q).toEqual([{ line: 3, reason: 'row_truncated' }]);
  });
});

describe('planRecordJoins', () => {
  const lines: Record<number, string> = {
    2: 'a,"x',
    3: 'y",b',
    4: 'c,d',
    5: 'e,f"g', // a quote inside an unquoted field is a literal, it opens nothing
    6: 'h,"i',
    7: 'j",k,"l', // closes line 6's field and opens another: the record runs on to line 8
    8: 'm",n',
  };
  const textOf = (l: number) => lines[l];

  it('joins lines from an opening quote at a field start to the line that closes it', () => {
    expect(planRecordJoins([2, 3, 5, 6, 8], textOf, ',')).toEqual([
      [2, 3],
      [6, 8],
    ]);
  });

  it('does not join past MAX_RECORD_LINES or across a malformed record', () => {
    const far = (l: number) => (l === 1 ? 'a,"x' : l === MAX_RECORD_LINES + 1 ? 'y",b' : 'c,d');
    expect(planRecordJoins([1, MAX_RECORD_LINES + 1], far, ',')).toEqual([]);
    const malformed = (l: number) => (l === 1 ? 'a,"x' : 'y"z,b'); // text after the closing quote
    expect(planRecordJoins([1, 2], malformed, ',')).toEqual([]);
  });
});
