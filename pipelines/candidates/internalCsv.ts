import { csvField } from '../publish/csvCell.ts';
import type { InternalTable } from './candidateTables.ts';
import { audienceLine, INTERNAL_MARK } from './internalNotice.ts';

/**
 * One list as CSV for Excel (UTF-8 with BOM, CRLF). Line 1 is the marking (内部资料 and who may see the list), line 2
 * the column labels, then one line per enterprise; cells a spreadsheet would execute are neutralised.
 */
export function internalCsv(table: InternalTable): string {
  const lines = [
    [csvField(`${INTERNAL_MARK}｜${table.title}｜${audienceLine()}`)],
    table.columns.map((c) => csvField(c.label)),
    ...table.rows.map((r) => r.map(csvField)),
  ];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
