/**
 * One CSV record for the temporary UTF-8 files made from XLSX and Arrow input. A line break inside a cell
 * becomes a space so that every record stays one physical line (line numbers must equal sheet rows).
 */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((c) => {
      const v = c.replace(/\r\n|\r|\n/g, ' ');
      return /[",]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

/** An Arrow cell value as text; dates become YYYY-MM-DD (UTC calendar date). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}
