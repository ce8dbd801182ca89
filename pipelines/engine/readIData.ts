import { parseCsv, parseNumberField } from './parseCsv.ts';
import type { Cell, EngineDataset, EngineUnitRow, IMetaRow } from './types.ts';

const MAX_LISTED = 30;

/**
 * Parses an iData CSV against its iMeta (METHOD.md §1.1, §2.1): every column except uCode, uName
 * and Time must be a non-Aggregate iCode, and every non-Aggregate iCode must be a column. Numbers
 * are doubles via Number(); empty fields are missing. Throws one error listing the problems.
 */
export function readIData(text: string, file: string, meta: IMetaRow[]): EngineDataset {
  const { header, records } = parseCsv(text, file);
  const errors: string[] = [];
  if (!header.includes('uCode')) throw new Error(`${file}: missing column uCode`);
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) errors.push(`${file}: header: duplicate column ${h}`);
    seen.add(h);
  }
  const byCode = new Map(meta.map((m) => [m.iCode, m]));
  const special = new Set(['uCode', 'uName', 'Time']);
  for (const h of header) {
    if (special.has(h)) continue;
    const m = byCode.get(h);
    if (!m) errors.push(`${file}: column ${h}: not an iCode in iMeta`);
    else if (m.type === 'Aggregate')
      errors.push(`${file}: column ${h}: is an Aggregate in iMeta, not a data column`);
  }
  for (const m of meta) {
    if (m.type !== 'Aggregate' && !header.includes(m.iCode)) {
      errors.push(`${file}: column ${m.iCode}: in iMeta (${m.type}) but not in iData`);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));

  const idx = (h: string) => header.indexOf(h);
  const uIdx = idx('uCode');
  const tIdx = idx('Time');
  const typed = meta.filter((m) => m.type !== 'Aggregate').map((m) => ({ m, k: idx(m.iCode) }));
  const rows: EngineUnitRow[] = [];
  for (const rec of records) {
    const uCode = rec.fields[uIdx].trim();
    if (uCode === '') errors.push(`${file}:${rec.line}: uCode: empty`);
    let time: number | null = null;
    if (tIdx >= 0) {
      const tv = parseNumberField(rec.fields[tIdx]);
      if (tv === undefined)
        errors.push(`${file}:${rec.line}: Time: not a number: ${JSON.stringify(rec.fields[tIdx])}`);
      else time = tv;
    }
    const row: EngineUnitRow = { uCode, time, groups: {}, denominators: {}, values: {} };
    for (const { m, k } of typed) {
      const raw = rec.fields[k];
      if (m.type === 'Group') {
        const g = raw.trim();
        row.groups[m.iCode] = g === '' ? null : g;
        continue;
      }
      const v: Cell | undefined = parseNumberField(raw);
      if (v === undefined) {
        errors.push(`${file}:${rec.line}: ${m.iCode}: not a number: ${JSON.stringify(raw)} (unit ${uCode})`);
        continue;
      }
      if (m.type === 'Denominator') row.denominators[m.iCode] = v;
      else row.values[m.iCode] = v;
    }
    rows.push(row);
  }
  const times = new Set(rows.map((r) => r.time).filter((t) => t !== null));
  const panel = tIdx >= 0 && times.size >= 2;
  if (panel) {
    for (const [i, r] of rows.entries()) {
      if (r.time === null) errors.push(`${file}:${records[i].line}: Time: empty in panel data`);
    }
  }
  const keys = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const key = panel ? `${r.uCode} @ ${r.time}` : r.uCode;
    if (keys.has(key)) errors.push(`${file}:${records[i].line}: uCode: duplicate ${key}`);
    keys.add(key);
  }
  if (rows.length === 0) errors.push(`${file}: no data rows`);
  if (errors.length > 0) {
    const extra = errors.length > MAX_LISTED ? [`… and ${errors.length - MAX_LISTED} more`] : [];
    throw new Error([...errors.slice(0, MAX_LISTED), ...extra].join('\n'));
  }
  return { rows, panel };
}
