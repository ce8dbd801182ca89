import { EXTRACT_COLUMNS, EXTRACT_KINDS, type ExtractKind } from './extractKinds.ts';

/** A header cell reduced to its comparable base name and the money unit it declares, if any. */
export interface NormalizedHeader {
  base: string;
  unit: 'wan' | 'yuan' | null;
}

// Unit suffixes analysts write: 营业收入（万元）, 营业收入(元), revenue_wan, revenue_yuan.
const UNIT_SUFFIXES: ReadonlyArray<[RegExp, 'wan' | 'yuan']> = [
  [/\(万元\)$/, 'wan'],
  [/\(元\)$/, 'yuan'],
  [/_wan$/, 'wan'],
  [/_yuan$/, 'yuan'],
];

/** `' 营业收入（元） '` → `{ base: '营业收入', unit: 'yuan' }`; case, spaces and full-width brackets do not matter. */
export function normalizeHeader(header: string): NormalizedHeader {
  let base = header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC') // full-width （） and letters → ASCII forms
    .replace(/\s+/g, '')
    .toLowerCase();
  for (const [pattern, unit] of UNIT_SUFFIXES) {
    if (pattern.test(base)) return { base: base.replace(pattern, ''), unit };
  }
  base = base.replace(/^"|"$/g, '');
  return { base, unit: null };
}

/** Where each canonical column sits in the file (0-based field index) and what its values must be divided by. */
export interface HeaderMapping {
  kind: ExtractKind;
  /** canonical column → 0-based field index */
  index: Record<string, number>;
  /** canonical money column → divisor to reach 万元 (10 000 for a 元 header, else 1) */
  divisor: Record<string, number>;
  /** headers that map to nothing in this kind (ignored, reported) */
  unknown: string[];
}

export type HeaderMappingResult = { ok: true; mapping: HeaderMapping } | { ok: false; problem: string };

function mapFor(
  kind: ExtractKind,
  headers: readonly NormalizedHeader[],
  raw: readonly string[],
): HeaderMapping {
  const index: Record<string, number> = {};
  const divisor: Record<string, number> = {};
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    const spec = EXTRACT_COLUMNS[kind].find((c) =>
      c.headers.some((alias) => normalizeHeader(alias).base === h.base),
    );
    if (!spec || spec.column in index) {
      if (raw[i].trim() !== '') unknown.push(raw[i]);
      return;
    }
    index[spec.column] = i;
    if (spec.money) divisor[spec.column] = h.unit === 'yuan' ? 10_000 : 1;
  });
  return { kind, index, divisor, unknown };
}

function missingRequired(m: HeaderMapping): string[] {
  return EXTRACT_COLUMNS[m.kind].filter((c) => c.required && !(c.column in m.index)).map((c) => c.headers[0]);
}

/**
 * Decides the extract kind from the header row (or checks the forced one) and maps headers to columns.
 * Example: `['统一社会信用代码','年度','营业收入（元）']` → enterprise_indicators, revenue divided by 10 000.
 */
export function mapHeaders(rawHeaders: readonly string[], forcedKind?: ExtractKind): HeaderMappingResult {
  const headers = rawHeaders.map(normalizeHeader);
  if (forcedKind) {
    const m = mapFor(forcedKind, headers, rawHeaders);
    const missing = missingRequired(m);
    if (missing.length > 0) {
      return { ok: false, problem: `missing required column(s) for ${forcedKind}: ${missing.join(', ')}` };
    }
    return { ok: true, mapping: m };
  }
  const candidates = EXTRACT_KINDS.map((k) => mapFor(k, headers, rawHeaders));
  const complete = candidates.filter((m) => missingRequired(m).length === 0);
  if (complete.length === 0) {
    const best = [...candidates].sort((a, b) => Object.keys(b.index).length - Object.keys(a.index).length)[0];
    const matched = Object.keys(best.index).length;
    if (matched === 0) {
      return { ok: false, problem: `no known column in header row (${rawHeaders.slice(0, 6).join(', ')}…)` };
    }
    return {
      ok: false,
      problem: `missing required column(s) for ${best.kind}: ${missingRequired(best).join(', ')}`,
    };
  }
  // The kind whose columns explain most of the header wins (registry and indicators share 统一社会信用代码).
  complete.sort((a, b) => Object.keys(b.index).length - Object.keys(a.index).length);
  return { ok: true, mapping: complete[0] };
}
