import { message } from '../messages/catalogue.ts';
import { EXTRACT_COLUMNS, EXTRACT_KINDS, type ExtractKind } from './extractKinds.ts';
import { MONEY_UNITS, type MoneyUnit } from './moneyUnits.ts';

/** A header cell reduced to its comparable base name and the money unit it declares, if any. */
export interface NormalizedHeader {
  base: string;
  unit: MoneyUnit | null;
}

// Unit suffixes analysts write: 营业收入（万元）, 营业收入(元), 营业收入（千元）, revenue_wan, revenue_yuan.
const UNIT_SUFFIXES: ReadonlyArray<[RegExp, MoneyUnit]> = [
  [/\(万元\)$/, '万元'],
  [/\(千元\)$/, '千元'],
  [/\(亿元\)$/, '亿元'],
  [/\(元\)$/, '元'],
  [/_wan$/, '万元'],
  [/_yuan$/, '元'],
];

/** `' 营业收入（元） '` → `{ base: '营业收入', unit: '元' }`; case, spaces and full-width brackets do not matter. */
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

/** Where each canonical column sits in the file (0-based field index) and how its values reach 万元. */
export interface HeaderMapping {
  kind: ExtractKind;
  /** canonical column → 0-based field index */
  index: Record<string, number>;
  /** canonical money column → the unit its values are in (the header's, else the unit line's, else 万元) */
  unit: Record<string, MoneyUnit>;
  /** headers that map to nothing in this kind (ignored, reported) */
  unknown: string[];
  /** columns named twice: the file is refused (which one would be right is unknowable) */
  duplicates: Array<{ column: string; headers: string[]; positions: number[] }>;
}

export type HeaderMappingResult =
  | { ok: true; mapping: HeaderMapping }
  /** `duplicate`: a complete header that names a column twice; `incomplete`: required columns missing */
  | { ok: false; problem: string; why: 'duplicate' | 'incomplete' };

function mapFor(
  kind: ExtractKind,
  headers: readonly NormalizedHeader[],
  raw: readonly string[],
  defaultUnit: MoneyUnit,
): HeaderMapping {
  const index: Record<string, number> = {};
  const unit: Record<string, MoneyUnit> = {};
  const unknown: string[] = [];
  const seen = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const spec = EXTRACT_COLUMNS[kind].find((c) =>
      c.headers.some((alias) => normalizeHeader(alias).base === h.base),
    );
    if (!spec) {
      if (raw[i].trim() !== '') unknown.push(raw[i]);
      return;
    }
    seen.set(spec.column, [...(seen.get(spec.column) ?? []), i]);
    if (spec.column in index) return;
    index[spec.column] = i;
    if (spec.money) unit[spec.column] = h.unit ?? defaultUnit;
  });
  const duplicates = [...seen.entries()]
    .filter(([, positions]) => positions.length > 1)
    .map(([column, positions]) => ({ column, positions, headers: positions.map((p) => raw[p].trim()) }));
  return { kind, index, unit, unknown, duplicates };
}

function missingRequired(m: HeaderMapping): string[] {
  return EXTRACT_COLUMNS[m.kind].filter((c) => c.required && !(c.column in m.index)).map((c) => c.headers[0]);
}

function checked(m: HeaderMapping): HeaderMappingResult {
  if (m.duplicates.length === 0) return { ok: true, mapping: m };
  const d = m.duplicates[0];
  return {
    ok: false,
    why: 'duplicate',
    problem: message('ingest.duplicate_header', {
      column: d.column,
      headers: d.headers.map((h, i) => `${d.positions[i] + 1} (${h})`).join(', '),
    }),
  };
}

/** Header cells this file's header row knows for some extract kind (0 for a title or unit line). */
export function knownColumnCount(rawHeaders: readonly string[]): number {
  const headers = rawHeaders.map(normalizeHeader);
  return Math.max(
    ...EXTRACT_KINDS.map((k) => Object.keys(mapFor(k, headers, rawHeaders, '万元').index).length),
  );
}

/**
 * Decides the extract kind from the header row (or checks the forced one) and maps headers to columns.
 * `defaultUnit` is the money unit of a unit line above the header (单位：元), for amount columns whose header
 * names none. Example: `['统一社会信用代码','年度','营业收入（元）']` → enterprise_indicators, revenue in 元.
 */
export function mapHeaders(
  rawHeaders: readonly string[],
  forcedKind?: ExtractKind,
  defaultUnit: MoneyUnit = '万元',
): HeaderMappingResult {
  const headers = rawHeaders.map(normalizeHeader);
  if (forcedKind) {
    const m = mapFor(forcedKind, headers, rawHeaders, defaultUnit);
    const missing = missingRequired(m);
    if (missing.length > 0) {
      return {
        ok: false,
        why: 'incomplete',
        problem: message('ingest.missing_columns', { kind: forcedKind, columns: missing.join(', ') }),
      };
    }
    return checked(m);
  }
  const candidates = EXTRACT_KINDS.map((k) => mapFor(k, headers, rawHeaders, defaultUnit));
  const complete = candidates.filter((m) => missingRequired(m).length === 0);
  if (complete.length === 0) {
    const best = [...candidates].sort((a, b) => Object.keys(b.index).length - Object.keys(a.index).length)[0];
    const matched = Object.keys(best.index).length;
    if (matched === 0) {
      return {
        ok: false,
        why: 'incomplete',
        problem: message('ingest.no_known_column', { headers: rawHeaders.slice(0, 6).join(', ') }),
      };
    }
    return {
      ok: false,
      why: 'incomplete',
      problem: message('ingest.missing_columns', {
        kind: best.kind,
        columns: missingRequired(best).join(', '),
      }),
    };
  }
  // The kind whose columns explain most of the header wins (registry and indicators share 统一社会信用代码).
  complete.sort((a, b) => Object.keys(b.index).length - Object.keys(a.index).length);
  return checked(complete[0]);
}

/** The factor pair that takes a value in `unit` to 万元: value × mul ÷ div (exact for 万元 and 亿元). */
export function toWan(unit: MoneyUnit): { mul: number; div: number } {
  return MONEY_UNITS[unit];
}
