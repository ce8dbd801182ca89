import { fixed, roundTo } from './formatCell.ts';

/** Change between two values in tenths of a point, from the values as printed (so the sentence adds up). */
export function printedChangeTenths(current: number, previous: number): number {
  return Math.round(roundTo(current, 1) * 10) - Math.round(roundTo(previous, 1) * 10);
}

/**
 * Change in index points as a reader recomputes it from the printed values (118.4 − 113.4 = 5.0, even when
 * the unrounded difference is 5.05): tables and sentences both use this, so they never disagree.
 */
export function printedChange(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : printedChangeTenths(current, previous) / 10;
}

/** "比上年提高 2.1 点" / "比上年下降 1.5 点" / "与上年持平". */
export function changeClause(current: number, previous: number, versus = '上年'): string {
  const tenths = printedChangeTenths(current, previous);
  if (tenths === 0) return `与${versus}持平`;
  return `比${versus}${tenths > 0 ? '提高' : '下降'} ${fixed(Math.abs(tenths) / 10, 1)} 点`;
}

export interface IndexSentenceInput {
  year: number;
  /** '全市' or a county name. */
  subject: string;
  indexName: string;
  current: number | null;
  previous: number | null;
  /** For a county: its rank among `of` counties. */
  rank?: { rank: number | null; of: number };
}

/** "2020年全市小微企业成长指数为 112.3，比上年提高 2.1 点。" — missing values are said, not guessed. */
export function indexSentence(i: IndexSentenceInput): string {
  const head = `${i.year}年${i.subject}${i.indexName}`;
  if (i.current === null) return `${head}暂无可公布数值。`;
  const parts = [`${head}为 ${fixed(i.current, 1)}`];
  if (i.previous === null) parts[0] += '（上年无可比数据）';
  else parts.push(changeClause(i.current, i.previous));
  if (i.rank && i.rank.rank !== null) parts.push(`在 ${i.rank.of} 个区县中列第 ${i.rank.rank} 位`);
  return `${parts.join('，')}。`;
}
