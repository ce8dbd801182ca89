import { xlsxBytes } from '../xlsx/xlsxBytes.ts';
import type { XlsxRow, XlsxSheet } from '../xlsx/xlsxTypes.ts';
import type { InternalTable } from './candidateTables.ts';
import { audienceLine, INTERNAL_MARK, type InternalProvenance, provenanceLine } from './internalNotice.ts';

/**
 * The lists as one workbook: a 说明 sheet, then one sheet per list. Every sheet starts with the marking and prints it
 * in its page header and footer. Dated from the data year (never the clock), so re-runs are byte-identical.
 */
export function internalXlsx(tables: InternalTable[], p: InternalProvenance): Uint8Array {
  const marked = (name: string, rows: XlsxRow[], rest: Partial<XlsxSheet>): XlsxSheet => ({
    name,
    headerFooter: {
      oddHeader: `&C&"-,Bold"${INTERNAL_MARK}`,
      oddFooter: `&L${INTERNAL_MARK}&R&P / &N`,
    },
    rows: [{ values: [`${INTERNAL_MARK}：${audienceLine()}`], style: 'mark' }, ...rows],
    ...rest,
  });
  const notes = marked(
    '说明',
    [
      { values: [provenanceLine(p)] },
      ...tables.map((t) => ({ values: [`${t.sheet}（${t.rows.length} 户）：${t.rule}`] })),
    ],
    { widths: [120] },
  );
  const lists = tables.map((t) =>
    marked(
      t.sheet,
      [
        { values: [t.title], style: 'bold' },
        { values: [`规则：${t.rule}`] },
        { values: [provenanceLine(p)] },
        { values: t.columns.map((c) => c.label), style: 'bold' },
        ...t.rows.map((values) => ({ values })),
      ],
      { frozenRows: 5, widths: t.columns.map((c, i) => (c.numeric ? 16 : i === 1 ? 36 : 22)) },
    ),
  );
  return xlsxBytes({
    author: 'xiaowei',
    date: new Date(Date.UTC(p.year + 1, 0, 31)),
    sheets: [notes, ...lists],
  });
}
