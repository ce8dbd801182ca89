import { parseCsv, parseNumberField } from './parseCsv.ts';
import type { IMetaRow } from './types.ts';

const TYPES = new Set(['Indicator', 'Aggregate', 'Group', 'Denominator']);
const REQUIRED = ['iCode', 'Type', 'Level', 'Direction', 'Weight', 'Parent'];

/** Parses and validates an iMeta CSV (COINr layout). Throws one error listing every problem as `file:line: column: message`. */
export function readIMeta(text: string, file: string): IMetaRow[] {
  const { header, records } = parseCsv(text, file);
  const missingCols = REQUIRED.filter((c) => !header.includes(c));
  if (missingCols.length > 0) throw new Error(`${file}: missing column(s) ${missingCols.join(', ')}`);
  const col = (name: string) => header.indexOf(name);
  const errors: string[] = [];
  const rows: IMetaRow[] = [];
  for (const rec of records) {
    const get = (name: string): string | null => {
      const k = col(name);
      if (k < 0) return null;
      const v = rec.fields[k].trim();
      return v === '' ? null : v;
    };
    const err = (column: string, msg: string) => errors.push(`${file}:${rec.line}: ${column}: ${msg}`);
    const num = (name: string): number | null => {
      const raw = get(name);
      if (raw === null) return null;
      const v = parseNumberField(raw);
      if (v === undefined) {
        err(name, `not a number: ${JSON.stringify(raw)}`);
        return null;
      }
      return v;
    };
    const iCode = get('iCode');
    const type = get('Type');
    if (iCode === null) {
      err('iCode', 'empty');
      continue;
    }
    if (type === null || !TYPES.has(type)) {
      err('Type', `must be one of Indicator, Aggregate, Group, Denominator (got ${JSON.stringify(type)})`);
      continue;
    }
    const t = type as IMetaRow['type'];
    const inIndex = t === 'Indicator' || t === 'Aggregate';
    const level = num('Level');
    const dirRaw = num('Direction');
    const weight = num('Weight');
    let direction: 1 | -1 | null = null;
    if (inIndex) {
      if (level === null || !Number.isInteger(level) || level < 1)
        err('Level', `${iCode}: must be an integer ≥ 1`);
      else if (t === 'Indicator' && level !== 1) err('Level', `${iCode}: indicators must be at Level 1`);
      else if (t === 'Aggregate' && level < 2) err('Level', `${iCode}: aggregates must be at Level ≥ 2`);
      // Aggregates' direction is never used; COINr fills 1, so an empty one is accepted as 1.
      if (dirRaw === 1 || dirRaw === -1) direction = dirRaw;
      else if (dirRaw === null && t === 'Aggregate') direction = 1;
      else err('Direction', `${iCode}: must be 1 or -1`);
      if (weight === null || !(weight >= 0) || !Number.isFinite(weight)) {
        err('Weight', `${iCode}: must be a finite number ≥ 0`);
      }
    }
    rows.push({
      level: inIndex ? level : null,
      iCode,
      iName: get('iName') ?? iCode,
      direction,
      weight: inIndex ? weight : null,
      unit: get('Unit'),
      target: num('Target'),
      denominator: get('Denominator'),
      parent: get('Parent'),
      type: t,
    });
  }
  errors.push(...checkMetaTree(rows, file));
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return rows;
}

/** Structural checks on the iMeta tree: unique codes, valid parents and denominators, no empty aggregate. */
export function checkMetaTree(rows: IMetaRow[], file: string): string[] {
  const errors: string[] = [];
  const byCode = new Map<string, IMetaRow>();
  for (const r of rows) {
    if (byCode.has(r.iCode)) errors.push(`${file}: iCode: duplicate ${r.iCode}`);
    byCode.set(r.iCode, r);
  }
  const hasAggregates = rows.some((r) => r.type === 'Aggregate');
  const childCount = new Map<string, number>();
  for (const r of rows) {
    if (r.type === 'Group' || r.type === 'Denominator') continue;
    if (r.parent) {
      const p = byCode.get(r.parent);
      if (p?.type !== 'Aggregate') {
        errors.push(`${file}: Parent: ${r.iCode}: parent ${r.parent} is not an Aggregate row`);
      } else if (p.level !== null && r.level !== null && p.level <= r.level) {
        errors.push(
          `${file}: Parent: ${r.iCode} (Level ${r.level}) has parent ${p.iCode} at Level ${p.level}`,
        );
      } else childCount.set(p.iCode, (childCount.get(p.iCode) ?? 0) + 1);
    } else if (r.type === 'Indicator' && hasAggregates) {
      errors.push(`${file}: Parent: indicator ${r.iCode} has no parent aggregate`);
    }
    if (r.type === 'Indicator' && r.denominator) {
      const d = byCode.get(r.denominator);
      if (d?.type !== 'Denominator') {
        errors.push(`${file}: Denominator: ${r.iCode}: ${r.denominator} is not a Denominator row`);
      }
    }
  }
  for (const r of rows) {
    if (r.type === 'Aggregate' && !childCount.has(r.iCode)) {
      errors.push(`${file}: Parent: aggregate ${r.iCode} has no children`);
    }
  }
  if (!rows.some((r) => r.type === 'Indicator')) errors.push(`${file}: Type: no Indicator rows`);
  return errors;
}
