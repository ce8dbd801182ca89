// Number formats for charts and the report (one source, so a tooltip and a sentence agree).
//
// Rules (all tested in test/charts/format.test.ts):
// * Missing, suppressed or non-finite values print as '—' (U+2014), never as 0.
// * Rounding is half away from zero on the decimal value (1.005 → 1.01), not on the binary float.
// * Negative numbers use the minus sign U+2212 '−' (as d3-format does on chart axes); a value that
//   rounds to zero prints without a sign.
// * formatIndex: index points, always one decimal: 103.456 → '103.5', 100 → '100.0'.
// * formatIndexChange: signed one decimal: 2.34 → '+2.3', −0.04 → '0.0'.
// * formatCount: enterprises and other counts, rounded to an integer first; below 1万 plain digits
//   without separators (9876 → '9876'); from 1万 to below 1亿 in 万 with up to two decimals, trailing
//   zeros dropped (12345 → '1.23万', 20000 → '2万'); from 1亿 in 亿 likewise (123456789 → '1.23亿').
//   A value that rounds up to the next unit moves to it (99999999 → '1亿').
// * formatAmount: amounts held in 万元 (the data contract's unit): below 1亿元 as 万元 with up to one
//   decimal (1234.56 → '1234.6万元'); from 10000万元 as 亿元 with up to two decimals (12345 → '1.23亿元').
// * formatPercent: a fraction (0–1) as per cent with one decimal, zeros kept: 0.1234 → '12.3%', 0.12 → '12.0%'.
// * formatPer100: a rate already per 100 (birth_rate, death_rate): 12.34 → '12.3%'.
// * formatScore: scorecard points, one decimal (like formatIndex).
// * formatPlanValue: a plan indicator value with its unit; 亿元 amounts with up to two decimals
//   ('1.05亿元'), everything else as a count ('3.2万家', '80个').

export const MISSING = '—';
export const MINUS = '\u2212';

type Num = number | null | undefined;

function isNum(v: Num): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Shift the decimal point of a finite non-negative number by k places, exactly on its decimal string. */
function shift(abs: number, k: number): number {
  const [mantissa, exp = '0'] = String(abs).split('e');
  return Number(`${mantissa}e${Number(exp) + k}`);
}

/** |x| rounded half away from zero to `digits` decimals (returned non-negative). */
export function roundAbs(x: number, digits: number): number {
  return shift(Math.round(shift(Math.abs(x), digits)), -digits);
}

/** x rounded half away from zero to `digits` decimals. */
export function roundHalfUp(x: number, digits = 0): number {
  const r = roundAbs(x, digits);
  return x < 0 && r !== 0 ? -r : r;
}

function signed(negative: boolean, body: string, zero: boolean): string {
  return negative && !zero ? MINUS + body : body;
}

/** Fixed decimals, half away from zero, U+2212 for negatives. */
export function formatFixed(v: Num, digits: number): string {
  if (!isNum(v)) return MISSING;
  const r = roundAbs(v, digits);
  return signed(v < 0, r.toFixed(digits), r === 0);
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Up to `digits` decimals, trailing zeros dropped. */
export function formatTrimmed(v: Num, digits: number): string {
  if (!isNum(v)) return MISSING;
  const r = roundAbs(v, digits);
  return signed(v < 0, trimZeros(r.toFixed(digits)), r === 0);
}

export function formatIndex(v: Num): string {
  return formatFixed(v, 1);
}

export function formatScore(v: Num): string {
  return formatFixed(v, 1);
}

export function formatIndexChange(v: Num): string {
  if (!isNum(v)) return MISSING;
  const r = roundAbs(v, 1);
  if (r === 0) return '0.0';
  return (v < 0 ? MINUS : '+') + r.toFixed(1);
}

const WAN = 1e4;
const YI = 1e8;

export function formatCount(v: Num): string {
  if (!isNum(v)) return MISSING;
  const n = roundAbs(v, 0);
  const neg = v < 0 && n !== 0;
  if (n < WAN) return signed(neg, String(n), n === 0);
  const wan = roundAbs(n / WAN, 2);
  if (wan < WAN) return signed(neg, `${trimZeros(wan.toFixed(2))}万`, false);
  return signed(neg, `${trimZeros(roundAbs(n / YI, 2).toFixed(2))}亿`, false);
}

/** `v` in 万元. */
export function formatAmount(v: Num): string {
  if (!isNum(v)) return MISSING;
  const wan = roundAbs(v, 1);
  const neg = v < 0 && wan !== 0;
  if (wan < WAN) return signed(neg, `${trimZeros(wan.toFixed(1))}万元`, wan === 0);
  return signed(neg, `${trimZeros(roundAbs(v / WAN, 2).toFixed(2))}亿元`, false);
}

export function formatPercent(v: Num, digits = 1): string {
  if (!isNum(v)) return MISSING;
  const p = roundAbs(shift(Math.abs(v), 2), digits);
  return `${signed(v < 0, p.toFixed(digits), p === 0)}%`;
}

export function formatPer100(v: Num, digits = 1): string {
  if (!isNum(v)) return MISSING;
  return `${formatFixed(v, digits)}%`;
}

export function formatPlanValue(v: Num, unit: string): string {
  if (!isNum(v)) return MISSING;
  if (unit.endsWith('元')) return `${formatTrimmed(v, 2)}${unit}`;
  return `${formatCount(v)}${unit}`;
}

/**
 * Vega expression for count axis labels (`labelExpr`), the same 万/亿 rule as formatCount for the
 * round tick values an axis shows. Axis ticks are nice numbers, so d3's binary rounding cannot differ.
 */
export const COUNT_LABEL_EXPR =
  "abs(datum.value) >= 1e8 ? format(datum.value / 1e8, '.2~f') + '亿'" +
  " : abs(datum.value) >= 1e4 ? format(datum.value / 1e4, '.2~f') + '万'" +
  " : format(datum.value, 'd')";
