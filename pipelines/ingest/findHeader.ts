import { message } from '../messages/catalogue.ts';
import type { ExtractKind } from './extractKinds.ts';
import { type HeaderMapping, knownColumnCount, mapHeaders } from './mapHeaders.ts';
import { type MoneyUnit, unitLineUnit } from './moneyUnits.ts';

/** How far down a sheet the header may sit: title, unit and blank lines above it are this few in practice. */
export const HEADER_SEARCH_ROWS = 20;

/** One staged record near the top of a file: its physical line and its fields. */
export interface HeadRecord {
  line: number;
  fields: readonly string[];
}

export type HeaderFound =
  | {
      ok: true;
      /** physical line of the header; data starts below it */
      line: number;
      header: string[];
      mapping: HeaderMapping;
      /** one printed note per line skipped above the header (title, unit line, …) */
      notes: string[];
    }
  /** `final`: a header was found but refused (a column named twice, two money units) */
  | { ok: false; problem: string; final: boolean };

/** The non-empty cells of a record, for showing a title or unit line. */
export function recordText(fields: readonly string[]): string {
  return fields
    .map((f) => f.trim())
    .filter((f) => f !== '')
    .join(' ');
}

/**
 * Finds the header among the first HEADER_SEARCH_ROWS non-blank records: the first one that maps to an
 * extract kind with all its required columns. Government exports put a title line (湖州市市场主体登记信息
 * （截至2020年12月31日）) and a unit line (单位：元) above it; a unit line gives the money unit of amount columns
 * whose header names none. Every record above the header is reported in `notes`.
 */
export function findHeader(records: readonly HeadRecord[], forcedKind?: ExtractKind): HeaderFound {
  const top = records.filter((r) => recordText(r.fields) !== '').slice(0, HEADER_SEARCH_ROWS);
  if (top.length === 0) return { ok: false, final: false, problem: message('ingest.no_header') };
  let unit: MoneyUnit = '万元';
  let unitLine: number | null = null;
  const notes: string[] = [];
  // The nearest miss (most known columns) names the problem when no record is a complete header.
  let nearest: { known: number; problem: string } | null = null;
  for (const r of top) {
    const text = recordText(r.fields);
    const declared = unitLineUnit(text);
    if (declared === 'conflict') {
      return { ok: false, final: true, problem: message('ingest.unit_conflict', { line: r.line, text }) };
    }
    if (declared !== null) {
      unit = declared;
      unitLine = r.line;
      notes.push(message('ingest.note_unit_line', { line: r.line, text, unit: declared }));
      continue;
    }
    const mapped = mapHeaders(r.fields, forcedKind, unit);
    if (mapped.ok) {
      if (unitLine !== null && mapped.mapping.kind === 'plan_indicators') {
        notes.push(message('ingest.note_unit_ignored', { line: unitLine }));
      }
      return { ok: true, line: r.line, header: [...r.fields], mapping: mapped.mapping, notes };
    }
    if (mapped.why === 'duplicate') {
      return { ok: false, final: true, problem: withLine(mapped.problem, r.line, top[0].line) };
    }
    const known = knownColumnCount(r.fields);
    if (nearest === null || known > nearest.known) {
      nearest = { known, problem: withLine(mapped.problem, r.line, top[0].line) };
    }
    notes.push(message('ingest.note_above_header', { line: r.line, text: text.slice(0, 80) }));
  }
  return { ok: false, final: false, problem: nearest?.problem ?? message('ingest.no_header') };
}

// A problem found on the first line reads as before ("… in header row"); further down it names its line.
function withLine(problem: string, line: number, firstLine: number): string {
  return line === firstLine ? problem : `${problem} (header on line ${line})`;
}
