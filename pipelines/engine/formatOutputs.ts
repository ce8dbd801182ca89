import type { EngineResult } from './runEngine.ts';
import type { Cell, Frame } from './types.ts';

/** Quotes a CSV field only when RFC 4180 requires it. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Formats a number as its shortest round-trip decimal (String(x) in JS: parses back to the same
 * double); missing and NaN are empty fields.
 */
export function formatNumber(v: Cell): string {
  return v === null || Number.isNaN(v) ? '' : String(v);
}

function table(keys: Frame['keys'], panel: boolean, columns: [string, Cell[]][]): string {
  const head = ['uCode', ...(panel ? ['Time'] : []), ...columns.map(([c]) => c)].map(csvField).join(',');
  const lines = keys.map((k, i) =>
    [
      csvField(k.uCode),
      ...(panel ? [k.time === null ? '' : String(k.time)] : []),
      ...columns.map(([, col]) => formatNumber(col[i])),
    ].join(','),
  );
  return `${[head, ...lines].join('\n')}\n`;
}

export interface EngineOutputFiles {
  'treated.csv': string;
  'normalised.csv': string;
  'aggregated.csv': string;
}

/**
 * The three result tables of METHOD.md §9: rows sorted by uCode (then Time for panel data, which
 * adds a Time column after uCode); indicators in iMeta order; aggregates by level, then
 * alphabetically. LF line ends, trailing newline; byte-identical for identical results.
 */
export function formatOutputs(result: EngineResult): EngineOutputFiles {
  const ind = (f: Frame) => result.indicatorCodes.map((c): [string, Cell[]] => [c, f.columns[c]]);
  const keys = result.normalisedFrame.keys;
  const aggs = result.aggregateCodes.map((c): [string, Cell[]] => [c, result.aggregateColumns[c]]);
  return {
    'treated.csv': table(keys, result.panel, ind(result.treatedFrame)),
    'normalised.csv': table(keys, result.panel, ind(result.normalisedFrame)),
    'aggregated.csv': table(keys, result.panel, [...ind(result.normalisedFrame), ...aggs]),
  };
}
