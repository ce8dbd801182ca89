/** 'YYYY-MM' n months before `month`: monthsBack('2020-02', 3) → '2019-11'. */
export function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * The latest quarter complete at the end of `month` (YYYYQn; a year end is its own Q4):
 * quarterBefore('2020-06') → '2020Q2', quarterBefore('2020-05') → '2020Q1', quarterBefore('2020-01') → '2019Q4'.
 */
export function quarterBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const q = Math.floor(m / 3);
  return q === 0 ? `${y - 1}Q4` : `${y}Q${q}`;
}

/** '2020-06' → '2020年6月'. */
export function monthZh(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** '2020Q2' → '2020年第2季度'. */
export function quarterZh(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${quarter.slice(5)}季度`;
}
