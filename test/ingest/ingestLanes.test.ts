import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { IngestFileResult } from '../../pipelines/ingest/ingestTypes.ts';
import {
  addsUp,
  FIXTURES,
  INDICATORS_HEADER,
  REGISTRY_HEADER,
  type TestWarehouse,
  testWarehouse,
} from './helpers.ts';

// Several files are read and validated at once (ingestFiles.ts, INGEST_LANES), but the warehouse must receive
// them as if they were ingested one by one, in path order. The first file here is large and the next ones tiny,
// so the tiny ones finish validating first: written as they finish, their rows and log rows would come first.

let open: TestWarehouse[] = [];
afterEach(() => {
  for (const t of open) t.close();
  open = [];
});

async function warehouse(): Promise<TestWarehouse> {
  const t = await testWarehouse();
  open.push(t);
  return t;
}

/** A registry snapshot of `n` well-formed rows (most fail a check digit: they load, flagged). */
function bigRegistry(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const code = `91330502${String(i).padStart(10, '0')}`;
    return `${code},湖州${i}有限公司,有限责任公司,2015-03-05,存续,,330502,C1713,100,否,,,`;
  });
  return `${REGISTRY_HEADER}\n${rows.join('\n')}\n`;
}

function tinyIndicators(year: number): string {
  return `${INDICATORS_HEADER}\n91330502MA2B00019K,${year},10,100,200,5,1,0,2,0,否,否,\n`;
}

/** The files of `t`'s folder `set`, in the order ingest reads them (by name). */
function files(t: TestWarehouse, set: string): string[] {
  return [
    t.write(`${set}/a_registry_2018-12-31.csv`, bigRegistry(40_000)),
    t.write(`${set}/b_indicators_2018.csv`, tinyIndicators(2018)),
    t.write(`${set}/c_indicators_2019.csv`, tinyIndicators(2019)),
    t.write(`${set}/d_indicators_2020.csv`, tinyIndicators(2020)),
  ];
}

const LogRow = z.object({ file: z.string(), status: z.string(), rows_loaded: z.coerce.number() });
const Span = z.object({ file: z.string(), first: z.number(), last: z.number(), n: z.number() });

/** ops.ingest_log in the order its rows were written. */
const logInWriteOrder = (t: TestWarehouse) =>
  t.read(LogRow, 'select file, status, rows_loaded from ops.ingest_log order by rowid');

/** Each file's raw rows: the first and last row written, and how many. */
const rawSpans = (t: TestWarehouse) =>
  t.read(
    Span,
    `select source_file as file, min(rowid)::integer as first, max(rowid)::integer as last, count(*)::integer as n
     from (select rowid, source_file from raw.registry union all
           select rowid + 1000000, source_file from raw.enterprise_indicators)
     group by source_file order by first`,
  );

async function registryRows(t: TestWarehouse): Promise<number> {
  const [{ n }] = await t.read(
    z.object({ n: z.number() }),
    'select count(*)::integer as n from raw.registry',
  );
  return n;
}

const names = (paths: string[]) => paths.map((p) => p.split('/').pop());
const outcome = (rs: IngestFileResult[]) =>
  rs.map((r) => [r.file.split('/').pop(), r.status, r.rows_read, r.rows_loaded]);

describe('files ingested at once', () => {
  it('write their rows and log rows in path order, as one by one, though later files finish first', async () => {
    const two = await warehouse();
    const one = await warehouse();
    const paths = files(two, 'in');
    const results = await two.ingest(paths, { lanes: 2 });
    const alone = await one.ingest(files(one, 'in'), { lanes: 1 });

    expect(outcome(results)).toEqual([
      ['a_registry_2018-12-31.csv', 'loaded', 40_000, 40_000],
      ['b_indicators_2018.csv', 'loaded', 1, 1],
      ['c_indicators_2019.csv', 'loaded', 1, 1],
      ['d_indicators_2020.csv', 'loaded', 1, 1],
    ]);
    // the same figures, flagged check digits and notes included, as one file at a time
    const sansPath = (rs: IngestFileResult[]) => rs.map(({ file, message, ...r }) => r);
    expect(sansPath(alone)).toEqual(sansPath(results));
    for (const r of results) expect(addsUp(r)).toBe(true);

    const log = await logInWriteOrder(two);
    expect(names(log.map((l) => l.file))).toEqual(names(paths));
    expect(log.map((l) => l.file)).toEqual(paths);

    // the registry's 40,000 rows are rows 0–39,999 of raw.registry; each indicators file's row follows the one before
    const spans = await rawSpans(two);
    expect(spans.map((s) => [s.file.split('/').pop(), s.first, s.last, s.n])).toEqual([
      ['a_registry_2018-12-31.csv', 0, 39_999, 40_000],
      ['b_indicators_2018.csv', 1_000_000, 1_000_000, 1],
      ['c_indicators_2019.csv', 1_000_001, 1_000_001, 1],
      ['d_indicators_2020.csv', 1_000_002, 1_000_002, 1],
    ]);
    expect((await rawSpans(one)).map((s) => [s.first, s.last])).toEqual(spans.map((s) => [s.first, s.last]));
  });

  it('load the same content once: a copy under another name in the same call is skipped as a duplicate', async () => {
    const t = await warehouse();
    const first = t.write('x/registry_2019-12-31.csv', '');
    const copy = t.write('y/registry_2019-12-31.csv', '');
    copyFileSync(join(FIXTURES, 'registry_2019-12-31.csv'), first);
    copyFileSync(join(FIXTURES, 'registry_2019-12-31.csv'), copy);
    const results = await t.ingest([first, copy], { lanes: 2 });
    expect(results.map((r) => r.status)).toEqual(['loaded', 'skipped_duplicate']);
    expect(results[1].message).toMatch(/already loaded from .*x\/registry_2019-12-31\.csv.*nothing changed/);
    expect(await registryRows(t)).toBe(results[0].rows_loaded);
    expect((await logInWriteOrder(t)).map((l) => [l.file, l.status])).toEqual([
      [first, 'loaded'],
      [copy, 'skipped_duplicate'],
    ]);
  });

  it('skip a copy of a file still in flight even when its own name would refuse it', async () => {
    // One by one the copy is skipped before it is read; at once, its name (no extract date) is read first.
    const outcomes = async (lanes: number) => {
      const t = await warehouse();
      const content = bigRegistry(20_000);
      const paths = [
        t.write('in/a_registry_2019-12-31.csv', content),
        t.write('in/b_registry_copy.csv', content),
      ];
      const results = await t.ingest(paths, { lanes });
      const log = await logInWriteOrder(t);
      return [results.map((r) => r.status), names(log.map((l) => l.file)), log.map((l) => l.status)];
    };
    const alone = await outcomes(1);
    expect(alone).toEqual([
      ['loaded', 'skipped_duplicate'],
      ['a_registry_2019-12-31.csv', 'b_registry_copy.csv'],
      ['loaded', 'skipped_duplicate'],
    ]);
    expect(await outcomes(2)).toEqual(alone);
  });

  it('write nothing after a file that fails outright, as one by one', async () => {
    // The clock fails at its second and third readings: the second file's load and then its rejection log cannot
    // be written, which no file outcome explains. The file the other lane holds by then must not be written either,
    // though the clock works again for it.
    const outcomes = async (lanes: number) => {
      const t = await warehouse();
      const paths = files(t, 'in');
      let readings = 0;
      const now = () => {
        readings++;
        if (readings === 2 || readings === 3) throw new Error('clock failed (simulated)');
        return new Date('2026-01-15T08:00:00Z');
      };
      await expect(t.ingest(paths, { lanes, now })).rejects.toThrow('clock failed (simulated)');
      const log = await logInWriteOrder(t);
      return [log.map((l) => [l.file.split('/').pop(), l.status]), (await rawSpans(t)).map((r) => r.n)];
    };
    const alone = await outcomes(1);
    expect(alone).toEqual([[['a_registry_2018-12-31.csv', 'loaded']], [40_000]]);
    expect(await outcomes(2)).toEqual(alone);
  });

  it('refuse a second, different snapshot of a date loaded by an earlier file of the same call', async () => {
    const t = await warehouse();
    const first = t.write('x/registry_2019-12-31.csv', bigRegistry(3));
    const other = t.write('y/registry_2019-12-31.csv', bigRegistry(2));
    const results = await t.ingest([first, other], { lanes: 2 });
    expect(results.map((r) => r.status)).toEqual(['loaded', 'rejected']);
    expect(results[1].message).toMatch(/registry snapshot 2019-12-31 is already loaded from .*x\/registry/);
    expect(await registryRows(t)).toBe(3);
  });

  it('transcode GBK files each in a temp file of its own', async () => {
    // Both files are decoded through a UTF-8 temp copy at the same time; one shared copy would mix their lines.
    const two = await warehouse();
    const one = await warehouse();
    const gbkFiles = (t: TestWarehouse) => [
      t.write('gbk/registry_2018-12-31.csv', iconv.encode(bigRegistry(20_000), 'gbk')),
      t.write('gbk/registry_2019-12-31.csv', iconv.encode(bigRegistry(30_000), 'gbk')),
    ];
    const results = await two.ingest(gbkFiles(two), { lanes: 2 });
    expect(results.map((r) => [r.status, r.encoding, r.rows_read, r.rows_loaded])).toEqual([
      ['loaded', 'gbk', 20_000, 20_000],
      ['loaded', 'gbk', 30_000, 30_000],
    ]);
    const names = `select as_of::varchar as as_of, count(distinct name)::integer as n, min(name) as first
                   from raw.registry group by as_of order by as_of`;
    const Names = z.object({ as_of: z.string(), n: z.number(), first: z.string() });
    expect(await two.read(Names, names)).toEqual([
      { as_of: '2018-12-31', n: 20_000, first: '湖州0有限公司' },
      { as_of: '2019-12-31', n: 30_000, first: '湖州0有限公司' },
    ]);
    await one.ingest(gbkFiles(one), { lanes: 1 });
    expect(await one.read(Names, names)).toEqual(await two.read(Names, names));
  });

  it('roll back one file that fails while loading, in its turn, and load the others', async () => {
    const t = await warehouse();
    const paths = files(t, 'in');
    const results = await t.ingest(paths, {
      lanes: 2,
      onStep: (step, file) => {
        if (step === 'log' && file.endsWith('c_indicators_2019.csv'))
          throw new Error('disk full (simulated)');
      },
    });
    expect(results.map((r) => r.status)).toEqual(['loaded', 'loaded', 'rejected', 'loaded']);
    expect(results[2].message).toMatch(/rolled back.*disk full/);
    expect((await logInWriteOrder(t)).map((l) => [l.file, l.status, l.rows_loaded])).toEqual([
      [paths[0], 'loaded', 40_000],
      [paths[1], 'loaded', 1],
      [paths[2], 'rejected', 0],
      [paths[3], 'loaded', 1],
    ]);
    expect((await rawSpans(t)).map((s) => s.file)).toEqual([paths[0], paths[1], paths[3]]);
  });
});
