import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUscc } from '../../pipelines/domain/uscc.ts';
import { generateExtracts } from '../../pipelines/generate/generateExtracts.ts';

const root = mkdtempSync(join(tmpdir(), 'xw-dirty-'));
const ALL_FAULTS = [
  'uscc_malformed',
  'uscc_check_digit',
  'date_unparseable',
  'date_future',
  'closed_before_established',
  'duplicate_exact',
  'duplicate_conflict',
  'negative_revenue',
  'tech_staff_exceeds_employees',
  'county_unknown',
  'yuan_header',
  'thousands_separator',
  'chinese_date',
  'blank_line',
  'truncated_last_line',
];
const REGIONS = new Set(['330500', '330502', '330503', '330521', '330522', '330523']);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Splits one CSV line (quoted fields may hold commas). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        f += '"';
        i++;
      } else if (ch === '"') q = false;
      else f += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(f);
      f = '';
    } else f += ch;
  }
  out.push(f);
  return out;
}

/** Independently detects the faults a data line shows (duplicates handled by the caller). */
function detect(kind: string, fields: string[], asOf: string): string[] {
  const found: string[] = [];
  if (kind !== 'plan') {
    const v = validateUscc(fields[0]);
    if (!v.formatOk) found.push('uscc_malformed');
    else if (!v.checkDigitOk) found.push('uscc_check_digit');
  }
  if (fields.some((x) => /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(x))) found.push('thousands_separator');
  if (kind === 'registry') {
    const est = fields[3];
    if (est.includes('年')) found.push('chinese_date');
    else if (!ISO.test(est) || Number.isNaN(Date.parse(est))) found.push('date_unparseable');
    else if (est > asOf) found.push('date_future');
    else if (fields[5] !== '' && fields[5] < est) found.push('closed_before_established');
    if (!REGIONS.has(fields[6])) found.push('county_unknown');
  }
  if (kind === 'indicators') {
    if (Number(fields[3]) < 0) found.push('negative_revenue');
    if (Number(fields[8]) > Number(fields[2])) found.push('tech_staff_exceeds_employees');
  }
  if (kind === 'plan' && !REGIONS.has(fields[2])) found.push('county_unknown');
  return found;
}

const keyOf = (kind: string, f: string[]) =>
  kind === 'registry' ? f[0] : kind === 'indicators' ? `${f[0]}|${f[1]}` : `${f[0]}|${f[1]}|${f[2]}|${f[3]}`;

let listed: { file: string; line: number; column: string; fault: string }[] = [];

beforeAll(async () => {
  await generateExtracts({
    scale: 'tiny',
    seed: 3,
    outDir: root,
    from: 2013,
    to: 2024,
    format: 'csv',
    encoding: 'utf8',
    dirty: 0.05,
  });
  const lines = readFileSync(join(root, 'faults.csv'), 'utf8').trim().split('\n').slice(1);
  listed = lines.map((l) => {
    const [file, line, column, fault] = l.split(',');
    return { file, line: Number(line), column, fault };
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('--dirty fault injection', () => {
  it('uses every fault kind, by its exact name, and nothing else', () => {
    expect(new Set(listed.map((f) => f.fault))).toEqual(new Set(ALL_FAULTS));
  });

  it('lists exactly the faults each file shows, line by line (one per row, both rows of a conflict)', () => {
    const files = readdirSync(root).filter((f) => f !== 'faults.csv');
    for (const file of files) {
      const kind = file.split('_')[0];
      const asOf = kind === 'registry' ? file.slice(9, 19) : `${file.match(/\d{4}/)![0]}-12-31`;
      const text = readFileSync(join(root, file), 'utf8');
      const lines = text.split('\n');
      const expected = new Set(
        listed.filter((f) => f.file === file && f.fault !== 'yuan_header').map((f) => `${f.line}:${f.fault}`),
      );
      const seen = new Map<string, { line: number; text: string }>();
      const got = new Set<string>();
      const truncated = !text.endsWith('\n');
      const width = splitCsv(lines[0]).length;
      for (let k = 1; k < lines.length; k++) {
        const n = k + 1;
        const line = lines[k];
        if (line === '') {
          if (k < lines.length - 1) got.add(`${n}:blank_line`);
          continue;
        }
        const fields = splitCsv(line);
        if (truncated && k === lines.length - 1) {
          expect(fields.length).toBeLessThan(width);
          got.add(`${n}:truncated_last_line`);
          continue;
        }
        const faults = detect(kind, fields, asOf);
        for (const f of faults) got.add(`${n}:${f}`);
        // Injected duplicates copy clean rows, so a row with an invented county code is never one; two such rows
        // may share a key by chance (same indicator and quarter, same invented code): not an injected conflict.
        if (faults.includes('county_unknown')) continue;
        const key = keyOf(kind, fields);
        const prior = seen.get(key);
        if (prior && prior.text === line) got.add(`${n}:duplicate_exact`);
        else if (prior) {
          got.add(`${prior.line}:duplicate_conflict`);
          got.add(`${n}:duplicate_conflict`);
        } else seen.set(key, { line: n, text: line });
      }
      expect([...got].sort(), file).toEqual([...expected].sort());
    }
  });

  it('writes 元 headers and values ×10000 in one registry and one indicators file', () => {
    const yuan = listed.filter((f) => f.fault === 'yuan_header');
    const files = [...new Set(yuan.map((f) => f.file))];
    expect(files.some((f) => f.startsWith('registry_'))).toBe(true);
    expect(files.some((f) => f.startsWith('indicators_'))).toBe(true);
    for (const f of yuan) expect(f.line).toBe(1);
    const ind = files.find((f) => f.startsWith('indicators_'))!;
    const header = readFileSync(join(root, ind), 'utf8').split('\n')[0];
    expect(header).toContain('营业收入（元）');
    expect(header).not.toContain('万元');
    expect(yuan.filter((f) => f.file === ind).map((f) => f.column)).toEqual([
      'revenue',
      'assets',
      'profit',
      'tax',
      'rd_expense',
      'exports',
    ]);
  });
});
