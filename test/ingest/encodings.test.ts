import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { incompleteUtf8Tail, sniffFile } from '../../pipelines/ingest/sniffFile.ts';
import { chooseEncoding, classifyLine } from '../../pipelines/ingest/transcodeByLine.ts';
import { addsUp, REGISTRY_HEADER, type TestWarehouse, testWarehouse } from './helpers.ts';

// Encodings are decided line by line: a file is UTF-8 or GBK/GB18030 by what most of its non-ASCII lines
// decode as; a line that does not decode in the file's encoding is quarantined as encoding_invalid with its
// line number, so no row ever loads as mojibake; a file is refused whole only when it is not text.
let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const rows = [
  '91330502MA2B00019K,湖州甲科技有限公司,有限责任公司,2015-03-05,存续,,330502,C1713,100,否,,,',
  '91330503MA2B00027W,湖州乙纺织有限公司,有限责任公司,2016-07-01,在业,,330503,1713,1,否,,,',
  '91330521MA2B00035R,德清丙商贸有限公司,有限责任公司,2017-01-02,存续,,330521,F5123,50,否,,,',
  '91330523MA2B00051C,安吉丁竹业有限公司,有限责任公司,2018-03-05,存续,,330523,C2021,30,否,,,',
  '91330502MA2B000940,湖州戊服饰有限公司,个人独资企业,2018-08-08,存续,,330500,C1810,10,否,,,',
];
const utf8 = (s: string) => Buffer.from(`${s}\n`, 'utf8');
const gbk = (s: string) => iconv.encode(`${s}\n`, 'gbk');

async function quarantine(path: string) {
  return t.read(
    z.object({ line: z.number(), reason: z.string(), raw: z.string() }),
    'select line, reason, raw from ops.quarantine where file = $f order by line',
    { f: path },
  );
}

describe('encodings, row by row', () => {
  it('quarantines GBK rows in a UTF-8 file as encoding_invalid with their lines; the UTF-8 rows load as UTF-8', async () => {
    // lines 3 and 5 are GBK, the header and lines 2, 4, 6 UTF-8
    const bytes = Buffer.concat([
      utf8(REGISTRY_HEADER),
      utf8(rows[0]),
      gbk(rows[1]),
      utf8(rows[2]),
      gbk(rows[3]),
      utf8(rows[4]),
    ]);
    const path = t.write('mixed/registry_2019-12-31.csv', bytes);
    const [r] = await t.ingest([path]);
    expect([r.status, r.encoding, r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual([
      'loaded',
      'utf8',
      5,
      3,
      2,
    ]);
    expect(addsUp(r)).toBe(true);
    const q = await quarantine(path);
    // the refused rows are shown decoded as the GBK they are, so the analyst can read them
    expect(q).toEqual([
      { line: 3, reason: 'encoding_invalid', raw: rows[1] },
      { line: 5, reason: 'encoding_invalid', raw: rows[3] },
    ]);
    const names = await t.rows(
      'select source_line, name from raw.registry where source_file = $f order by 1',
      {
        f: path,
      },
    );
    expect(names).toEqual([
      { source_line: 2, name: '湖州甲科技有限公司' },
      { source_line: 4, name: '德清丙商贸有限公司' },
      { source_line: 6, name: '湖州戊服饰有限公司' },
    ]);
  });

  it('quarantines a line with an invalid byte sequence as encoding_invalid and loads the rest', async () => {
    const broken = Buffer.concat([
      Buffer.from('91330503MA2B00027W,湖州乙'),
      Buffer.from([0xff, 0xfe]),
      utf8(',x'),
    ]);
    const bytes = Buffer.concat([utf8(REGISTRY_HEADER), utf8(rows[0]), broken, utf8(rows[2])]);
    const path = t.write('invalid/registry_2019-11-30.csv', bytes);
    const [r] = await t.ingest([path]);
    expect([r.status, r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual(['loaded', 3, 2, 1]);
    const q = await quarantine(path);
    expect(q.map((x) => [x.line, x.reason])).toEqual([[3, 'encoding_invalid']]);
    expect(q[0].raw).toBe('91330503MA2B00027W,湖州乙\uFFFD\uFFFD,x');
  });

  it('still loads a GBK file as GBK; a UTF-8 row in it is quarantined, not decoded as mojibake', async () => {
    const bytes = Buffer.concat([
      gbk(REGISTRY_HEADER),
      gbk(rows[0]),
      gbk(rows[1]),
      utf8(rows[2]),
      gbk(rows[3]),
    ]);
    const path = t.write('gbk/registry_2019-10-31.csv', bytes);
    const [r] = await t.ingest([path]);
    expect([r.status, r.encoding, r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual([
      'loaded',
      'gbk',
      4,
      3,
      1,
    ]);
    const q = await quarantine(path);
    expect(q).toEqual([{ line: 4, reason: 'encoding_invalid', raw: rows[2] }]);
    const names = await t.rows('select name from raw.registry where source_file = $f order by source_line', {
      f: path,
    });
    expect(names).toEqual([
      { name: '湖州甲科技有限公司' },
      { name: '湖州乙纺织有限公司' },
      { name: '安吉丁竹业有限公司' },
    ]);
  });

  it('refuses a file whole only when it is not text (NUL bytes) or mostly undecodable', async () => {
    const binary = t.write(
      'registry_2019-01-31.csv',
      Buffer.concat([utf8(REGISTRY_HEADER), Buffer.from([0, 1, 2])]),
    );
    const [b] = await t.ingest([binary]);
    expect([b.status, b.message]).toEqual([
      'rejected',
      `${binary}: binary content: not a CSV, TSV, XLSX, Parquet or Arrow file`,
    ]);
  });
});

describe('classifyLine / chooseEncoding', () => {
  it('tells ASCII, UTF-8, GBK-only and undecodable lines apart', () => {
    expect(classifyLine(Buffer.from('a,b,1'))).toBe('ascii');
    expect(classifyLine(Buffer.from('湖州'))).toBe('utf8');
    expect(classifyLine(iconv.encode('湖州市', 'gbk'))).toBe('gb');
    expect(classifyLine(Buffer.from([0x61, 0xff]))).toBe('bad');
  });

  it('picks the encoding most non-ASCII lines decode in, UTF-8 on a tie', () => {
    expect(chooseEncoding({ ascii: 100, utf8: 2, gb: 3, bad: 0 })).toBe('gb');
    expect(chooseEncoding({ ascii: 100, utf8: 3, gb: 3, bad: 5 })).toBe('utf8');
  });
});

describe('UTF-8 validity across read chunks', () => {
  it('counts the bytes that start a character cut off at the end of a chunk', () => {
    const hu = Buffer.from('湖'); // e6 b9 96
    expect(incompleteUtf8Tail(Buffer.from('ab'))).toBe(0);
    expect(incompleteUtf8Tail(Buffer.concat([Buffer.from('a'), hu.subarray(0, 1)]))).toBe(1);
    expect(incompleteUtf8Tail(Buffer.concat([Buffer.from('a'), hu.subarray(0, 2)]))).toBe(2);
    expect(incompleteUtf8Tail(Buffer.concat([Buffer.from('a'), hu]))).toBe(0);
  });

  it('takes a file whose character straddles the 1 MiB read chunks for UTF-8, and a cut-off last character for not', async () => {
    const straddle = Buffer.concat([Buffer.alloc((1 << 20) - 1, 0x61), Buffer.from('湖州\n')]);
    expect((await sniffFile(t.write('straddle.csv', straddle))).utf8).toBe(true);
    const cut = Buffer.concat([Buffer.from('a,b\n'), Buffer.from('湖').subarray(0, 2)]);
    expect((await sniffFile(t.write('cut.csv', cut))).utf8).toBe(false);
  });
});
