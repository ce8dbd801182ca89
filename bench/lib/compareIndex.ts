import { z } from 'zod';
/** One growth-index value as the benchmark compares it: xiaowei's mart.growth_index or a peer's CSV row. */
export const IndexValueSchema = z.object({
  year: z.number(),
  region_code: z.string(),
  code: z.string(),
  raw_value: z.number().nullable(),
  value: z.number().nullable(),
});
export type IndexValue = z.infer<typeof IndexValueSchema>;

export interface IndexMismatch {
  key: string;
  field: 'raw_value' | 'value' | 'row';
  expected: number | null;
  actual: number | null;
}

export interface IndexComparison {
  compared: number;
  mismatches: IndexMismatch[];
}

/** Both missing, or |a − b| ≤ relTol · max(|a|, |b|) (a relative tolerance; exact zero only equals zero). */
export function sameNumber(a: number | null, b: number | null, relTol: number): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= relTol * Math.max(Math.abs(a), Math.abs(b));
}

const keyOf = (r: IndexValue) => `${r.year}|${r.region_code}|${r.code}`;

/**
 * Compares a peer's index values with xiaowei's, row by row on (year, region, code): value always, raw_value
 * for indicator rows (aggregates have none). A row present on one side only is a mismatch.
 */
export function compareIndex(
  expected: readonly IndexValue[],
  actual: readonly IndexValue[],
  relTol: number,
): IndexComparison {
  const byKey = new Map(actual.map((r) => [keyOf(r), r]));
  const mismatches: IndexMismatch[] = [];
  const seen = new Set<string>();
  for (const e of expected) {
    const key = keyOf(e);
    seen.add(key);
    const a = byKey.get(key);
    if (!a) {
      mismatches.push({ key, field: 'row', expected: e.value, actual: null });
      continue;
    }
    if (!sameNumber(e.value, a.value, relTol))
      mismatches.push({ key, field: 'value', expected: e.value, actual: a.value });
    if (!sameNumber(e.raw_value, a.raw_value, relTol))
      mismatches.push({ key, field: 'raw_value', expected: e.raw_value, actual: a.raw_value });
  }
  for (const a of actual) {
    if (!seen.has(keyOf(a)))
      mismatches.push({ key: keyOf(a), field: 'row', expected: null, actual: a.value });
  }
  return { compared: expected.length, mismatches };
}

/** Parses a peer's output CSV (year,region_code,level,code,raw_value,value; empty or NaN = missing). */
export function parsePeerCsv(text: string): IndexValue[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`peer CSV lacks column ${name}`);
    return i;
  };
  const [iy, ir, ic, iraw, iv] = ['year', 'region_code', 'code', 'raw_value', 'value'].map(col);
  const num = (s: string | undefined) => {
    if (s === undefined || s === '' || /^(nan|NaN|null|undefined)$/.test(s)) return null;
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  };
  return lines.slice(1).map((l) => {
    const f = l.split(',');
    return {
      year: Number(f[iy]),
      region_code: f[ir],
      code: f[ic],
      raw_value: num(f[iraw]),
      value: num(f[iv]),
    };
  });
}
