// CSV injection (OWASP "CSV Injection"): a spreadsheet executes a cell that starts with =, +, -, @, a tab or
// a carriage return. Public CSV files prefix such a cell with ' so it is read as text; a plain number such
// as -3.5 stays a number.

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRIGGER = /^[=+\-@\t\r]/;

/** True when a spreadsheet would treat the text as a formula (or DDE) rather than as a value. */
export function isFormulaLike(text: string): boolean {
  return TRIGGER.test(text) && !PLAIN_NUMBER.test(text);
}

/** The cell as it must be written: `=1+2` → `'=1+2`, `-3.5` → `-3.5`. */
export function neutraliseCsvText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, then quoted when it holds a quote, comma or line break (RFC 4180). */
export function csvField(v: number | string | null): string {
  if (v === null) return '';
  const s = neutraliseCsvText(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Parses CSV text (RFC 4180, BOM tolerated) into rows of fields, for the guard's checks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
