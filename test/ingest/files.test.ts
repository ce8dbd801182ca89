import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';
import { addsUp, FIXTURES, type TestWarehouse, testWarehouse } from './helpers.ts';

let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const counts = async () =>
  t.read(
    z.object({ r: z.number(), e: z.number(), p: z.number(), q: z.number() }),
    `select (select count(*)::int from raw.registry) r, (select count(*)::int from raw.enterprise_indicators) e,
            (select count(*)::int from raw.plan_indicators) p, (select count(*)::int from ops.quarantine) q`,
  );

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: { CI: '1' },
  };
}

describe('files', () => {
  it('expands a directory in name order, skipping faults.csv, manifests and READMEs with a printed result; every file adds up', async () => {
    const dir = join(t.dir, 'extracts');
    mkdirSync(dir);
    for (const f of [
      'registry_2019-12-31.csv',
      'enterprise_indicators_2019.csv',
      'plan_indicators_2019.csv',
    ]) {
      copyFileSync(join(FIXTURES, f), join(dir, f));
    }
    t.write('extracts/faults.csv', 'file,line,column,fault\n');
    t.write('extracts/README.md', '# not an extract\n');
    t.write('extracts/manifest.json', '{}');
    const results = await t.ingest([dir]);
    expect(results.map((r) => [r.file.split('/').pop(), r.kind, r.status])).toEqual([
      ['README.md', null, 'skipped'],
      ['faults.csv', null, 'skipped'],
      ['manifest.json', null, 'skipped'],
      ['enterprise_indicators_2019.csv', 'enterprise_indicators', 'loaded'],
      ['plan_indicators_2019.csv', 'plan_indicators', 'loaded'],
      ['registry_2019-12-31.csv', 'registry', 'loaded'],
    ]);
    for (const r of results) expect(addsUp(r)).toBe(true);
    expect(await counts()).toEqual([{ r: 5, e: 3, p: 3, q: 0 }]);
  });

  it('loading the same content twice is a no-op that says so (skipped_duplicate), counts unchanged', async () => {
    const before = await counts();
    const copy = t.write('again/registry_2019-12-31.csv', '');
    copyFileSync(join(FIXTURES, 'registry_2019-12-31.csv'), copy);
    const [r] = await t.ingest([copy]);
    expect(r.status).toBe('skipped_duplicate');
    expect(r.message).toMatch(/already loaded from .*registry_2019-12-31\.csv.*nothing changed/);
    expect(r.rows_loaded).toBe(0);
    expect(await counts()).toEqual(before);
    const log = await t.rows('select status from ops.ingest_log where file = $f', { f: copy });
    expect(log).toEqual([{ status: 'skipped_duplicate' }]);
  });

  const rejections: Array<[string, string | Buffer, RegExp]> = [
    ['binary.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]), /binary content/],
    ['empty.csv', '', /empty file/],
    [
      'no_uscc.csv',
      '企业名称,成立日期\n甲,2019-01-01\n',
      /missing required column\(s\) for registry: 统一社会信用代码/,
    ],
    [
      'registry_undated.csv',
      '统一社会信用代码,企业名称,成立日期\n91330502MA2B00019K,甲,2019-01-01\n',
      /without an extract date/,
    ],
    ['weather.csv', 'city,temperature\n湖州,21\n', /no known column/],
    ['latin1.csv', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0x0a]), /unknown text encoding/],
  ];
  for (const [name, content, problem] of rejections) {
    it(`rejects an unreadable file whole with one message naming it (${name})`, async () => {
      const before = await counts();
      const path = t.write(name, content);
      const [r] = await t.ingest([path]);
      expect(r.status).toBe('rejected');
      expect(r.message.startsWith(`${path}: `)).toBe(true);
      expect(r.message).toMatch(problem);
      expect([r.rows_read, r.rows_loaded]).toEqual([0, 0]);
      expect(await counts()).toEqual(before);
      const log = await t.rows('select status, rows_loaded from ops.ingest_log where file = $f', { f: path });
      expect(log).toEqual([{ status: 'rejected', rows_loaded: '0' }]);
    });
  }

  it('rejects a path that does not exist', async () => {
    const [r] = await t.ingest([join(t.dir, 'nope.csv')]);
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(/nope\.csv: cannot read the file/);
  });

  it('loads a file all or nothing: a failure after the raw rows are written leaves nothing behind', async () => {
    const before = await counts();
    const path = t.write(
      'plan_atomic.csv',
      '年度,季度,行政区划代码,指标序号,数值,报送单位\n2020,1,330502,1,1,甲\n2020,1,330502,99,1,甲\n',
    );
    const [r] = await t.ingest([path], {
      onStep: (step) => {
        if (step === 'quarantine') throw new Error('disk full (simulated)');
      },
    });
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(/rolled back.*disk full/);
    expect(await counts()).toEqual(before);
    const raw = await t.rows('select count(*)::int n from raw.plan_indicators where source_file = $f', {
      f: path,
    });
    expect(raw).toEqual([{ n: 0 }]);
    // and the same file loads normally afterwards: the failed attempt did not mark its hash as loaded
    const [again] = await t.ingest([path]);
    expect([again.status, again.rows_loaded, again.rows_quarantined]).toEqual(['loaded', 1, 1]);
  });
});

describe('xiaowei ingest / status (CLI)', () => {
  it('prints one line per file and exits non-zero when a file is rejected', async () => {
    const io = captureIo();
    const good = t.write(
      'cli/plan_2021.csv',
      '年度,季度,行政区划代码,指标序号,数值,报送单位\n2021,1,330502,1,1,甲\n',
    );
    const bad = t.write('cli/garbage.csv', Buffer.from([0, 1, 2, 3]));
    const code = await main(['node', 'xiaowei', 'ingest', good, bad, '--db', t.wh.path], io);
    expect(code).toBe(1);
    const out = io.out.join('');
    expect(out).toMatch(
      /loaded\s+plan_indicators\s+.*plan_2021\.csv\s+read 1, loaded 1, quarantined 0, dropped 0, flagged 0/,
    );
    expect(out).toMatch(/rejected\s+-\s+.*garbage\.csv.*binary content/);
    expect(io.err.join('')).toMatch(/1 file\(s\) rejected/);
  });

  it('status lists files, raw rows with date ranges and the quarantine by reason', async () => {
    // status opens the file read-only: close our read-write instance first (one instance per file per process)
    t.wh.close();
    const io = captureIo();
    const code = await main(['node', 'xiaowei', 'status', '--db', t.wh.path], io);
    expect(code).toBe(0);
    const out = io.out.join('');
    expect(out).toMatch(/raw\.registry\s+5\s+1\s+2019-12-31 … 2019-12-31/);
    expect(out).toMatch(/indicator_no_invalid\s+1\s+1/);
  });
});
