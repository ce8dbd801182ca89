import { describe, expect, it } from 'vitest';
import { isDateFormatCode } from '../../pipelines/ingest/xlsx/openWorkbook.ts';
import { columnIndex } from '../../pipelines/ingest/xlsx/sheetRows.ts';

describe('the XLSX reader', () => {
  it('tells date number formats from others, ignoring quoted text, escapes and [colour] blocks', () => {
    expect(isDateFormatCode('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormatCode('yyyy/m/d h:mm')).toBe(true);
    expect(isDateFormatCode('[Red]#,##0.00')).toBe(false);
    expect(isDateFormatCode('0.00"万元"')).toBe(false); // 万元 in quotes, no date letter outside
    expect(isDateFormatCode('General')).toBe(false);
    expect(isDateFormatCode('#,##0\\m')).toBe(false); // an escaped m is a literal
  });

  it('reads cell references as 0-based columns: A → 0, Z → 25, AA → 26, XFD → 16383', () => {
    expect(['A1', 'Z9', 'AA10', 'XFD1048576'].map(columnIndex)).toEqual([0, 25, 26, 16383]);
    expect(columnIndex('12')).toBeNull();
  });
});
