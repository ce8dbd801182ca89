import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';
import type { IngestFileResult } from '../../pipelines/ingest/ingestTypes.ts';
import { addsUp, type TestWarehouse, testWarehouse } from './helpers.ts';

// A generated tiny extract with 5 % injected faults (faults.csv: file,line,column,fault); each fault must be
// caught under its own reason, and nothing else may be refused.
const QUARANTINE_REASON: Record<string, string> = {
  uscc_malformed: 'uscc_malformed',
  date_unparseable: 'date_unparseable',
  date_future: 'date_future',
  closed_before_established: 'closed_before_established',
  duplicate_conflict: 'duplicate_conflict',
  negative_revenue: 'negative_value',
  tech_staff_exceeds_employees: 'tech_staff_exceeds_employees',
  county_unknown: 'county_unknown',
  truncated_last_line: 'row_truncated',
};

interface Fault {
  file: string;
  line: number;
  column: string;
  fault: string;
}

let t: TestWarehouse;
let results: IngestFileResult[];
let faults: Fault[];
const base = (p: string) => p.split('/').pop() as string;

beforeAll(async () => {
  t = await testWarehouse();
  const out = join(t.dir, 'tiny');
  const io: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, env: { CI: '1' } };
  const code = await main(
    ['node', 'xiaowei', 'generate', '--scale', 'tiny', '--seed', '1', '--out', out, '--dirty', '0.05'],
    io,
  );
  expect(code).toBe(0);
  faults = readFileSync(join(out, 'faults.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [file, line, column, fault] = l.split(',');
      return { file, line: Number(line), column, fault };
    });
  results = await t.ingest([out]);
}, 120_000);
afterAll(() => t.close());

describe('a --dirty 0.05 tiny extract', () => {
  it('loads every file and every file adds up: read = loaded + quarantined + dropped', () => {
    const extracts = results.filter((r) => r.status !== 'skipped');
    expect(extracts.length).toBeGreaterThan(20);
    for (const r of extracts) {
      expect(r.status, r.message).toBe('loaded');
      expect(addsUp(r), r.file).toBe(true);
    }
  });

  it('reports the sidecars of the generator as skipped, never silently', () => {
    const skipped = results.filter((r) => r.status === 'skipped').map((r) => base(r.file));
    expect(skipped).toEqual(['faults.csv']);
  });

  it('quarantines every injected bad row under its own reason, at its line, and nothing else', async () => {
    const q = await t.read(
      z.object({
        file: z.string(),
        line: z.number(),
        column_name: z.string().nullable(),
        reason: z.string(),
      }),
      'select file, line, column_name, reason from ops.quarantine',
    );
    const got = new Map(q.map((r) => [`${base(r.file)}:${r.line}`, r]));
    const expected = faults.filter((f) => f.fault in QUARANTINE_REASON);
    expect(expected.length).toBeGreaterThan(50);
    for (const f of expected) {
      const hit = got.get(`${f.file}:${f.line}`);
      expect(hit?.reason, `${f.file}:${f.line} ${f.fault}`).toBe(QUARANTINE_REASON[f.fault]);
      // a conflict is reported on its key column; other faults on the column the generator broke
      if (f.fault !== 'duplicate_conflict' && f.column) expect(hit?.column_name).toBe(f.column);
    }
    expect(q.length).toBe(expected.length);
  });

  it('drops exact copies and loads check-digit failures flagged', async () => {
    const dropped = results.reduce((s, r) => s + r.rows_dropped, 0);
    const flagged = results.reduce((s, r) => s + r.rows_flagged, 0);
    expect(dropped).toBe(faults.filter((f) => f.fault === 'duplicate_exact').length);
    expect(flagged).toBe(faults.filter((f) => f.fault === 'uscc_check_digit').length);
  });

  it('loads the load-ok variants (元 headers, thousands separators, Chinese dates) with parsed values', async () => {
    const loaded = await t.read(
      z.object({ file: z.string(), line: z.number(), ok: z.boolean() }),
      `select source_file as file, source_line as line, established_on is not null and registered_capital_wan is not null as ok
       from raw.registry
       union all
       select source_file, source_line, revenue_wan is not null from raw.enterprise_indicators
       union all
       select source_file, source_line, value is not null from raw.plan_indicators`,
    );
    const byLine = new Map(loaded.map((r) => [`${base(r.file)}:${r.line}`, r.ok]));
    for (const f of faults.filter((x) => ['thousands_separator', 'chinese_date'].includes(x.fault))) {
      expect(byLine.get(`${f.file}:${f.line}`), `${f.file}:${f.line} ${f.fault}`).toBe(true);
    }
    // blank lines are neither read nor refused
    for (const f of faults.filter((x) => x.fault === 'blank_line')) {
      expect(byLine.has(`${f.file}:${f.line}`)).toBe(false);
    }
  });

  it('reads a 元 header as 元: the same firm-year in 万元 is 10 000 times smaller than the text', async () => {
    const yuanFiles = [...new Set(faults.filter((f) => f.fault === 'yuan_header').map((f) => f.file))];
    expect(yuanFiles.length).toBeGreaterThan(0);
    const dir = join(t.dir, 'tiny');
    let checked = 0;
    for (const file of yuanFiles) {
      // line 2 of the file, read independently: amount column text / 10 000 = loaded value
      const [header, line2] = readFileSync(join(dir, file), 'utf8').split('\n');
      const heads = header.split(',');
      const col = heads.findIndex((h) => h.includes('（元）'));
      const cells =
        line2.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/"/g, '')) ?? [];
      const text = Number(cells[col].replaceAll(',', ''));
      const table = file.startsWith('registry') ? 'raw.registry' : 'raw.enterprise_indicators';
      const column = file.startsWith('registry')
        ? 'registered_capital_wan'
        : heads[col].startsWith('营业收入')
          ? 'revenue_wan'
          : null;
      if (!column) continue;
      const rows = await t.read(
        z.object({ v: z.number() }),
        `select ${column} as v from ${table} where source_file like '%' || $f and source_line = 2`,
        { f: `/${file}` },
      );
      if (rows.length === 0) continue; // line 2 itself carried a row fault
      expect(rows[0].v).toBeCloseTo(text / 10_000, 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
