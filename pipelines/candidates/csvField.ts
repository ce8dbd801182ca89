/** Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: numbers stay numbers; text that a spreadsheet would execute (leading =, +, -, @, tab or CR)
 * gets a leading apostrophe; quoted when it holds a comma, quote or line break. Null is empty.
 * Example: `csvField('=HYPERLINK("x")')` → `"'=HYPERLINK(""x"")"`, `csvField(-5)` → `-5`.
 */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
