import { describe, expect, it } from 'vitest';
import { JUPYTER_DISPLAY, md } from '../../notebooks/lib/display.ts';
import { formatValue, renderTable, table, textWidth } from '../../notebooks/lib/htmlTable.ts';
import { maskSmall } from '../../notebooks/lib/maskSmall.ts';
import { pivotWide } from '../../notebooks/lib/pivotWide.ts';
import { toPlain, toPlainRow } from '../../notebooks/lib/plainValue.ts';
import { SUPPRESSED } from '../../pipelines/report/formatCell.ts';

describe('toPlain', () => {
  it('turns a bigint that fits exactly into a number and a larger one into its decimal string', () => {
    expect(toPlain(42n)).toBe(42);
    expect(toPlain(9007199254740991n)).toBe(9007199254740991); // 2^53 − 1, the largest exact integer
    expect(toPlain(9007199254740993n)).toBe('9007199254740993'); // 2^53 + 1 would round to …992
    expect(toPlain(-9007199254740993n)).toBe('-9007199254740993');
  });

  it('writes a DATE (UTC midnight) as YYYY-MM-DD and any other instant as an ISO timestamp', () => {
    expect(toPlain(new Date('2024-12-31T00:00:00Z'))).toBe('2024-12-31');
    expect(toPlain(new Date('2024-12-31T08:30:00Z'))).toBe('2024-12-31T08:30:00.000Z');
  });

  it('converts lists, structs and bytes recursively', () => {
    expect(toPlainRow({ a: [1n, null], b: { c: 2n }, d: new Uint8Array([0, 255]) })).toEqual({
      a: [1, null],
      b: { c: 2 },
      d: '00ff',
    });
  });
});

describe('table', () => {
  it('escapes HTML, marks null as missing and right-aligns numeric columns', () => {
    const { html, text } = renderTable([{ name: '<b>&', n: 3, v: null }]);
    expect(html).toContain('<td>&#60;b&#62;&#38;</td>');
    expect(html).toContain('<td style="text-align:right">3</td>');
    expect(html).toContain('<td>…</td>');
    expect(text.split('\n')).toEqual(['name  n  v', '<b>&  3  …']);
  });

  it('pads Chinese text by display width (two columns per character)', () => {
    expect(textWidth('湖州a')).toBe(5);
    const { text } = renderTable([
      { 区县: '湖州市', n: 1 },
      { 区县: 'x', n: 10 },
    ]);
    // column 区县 is 6 columns wide (湖州市), n is 2 wide and right-aligned
    expect(text.split('\n')).toEqual(['区县     n', '湖州市   1', 'x       10']);
  });

  it('shows at most maxRows rows and says how many were left out', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ i }));
    const { text } = renderTable(rows, { maxRows: 2 });
    expect(text.split('\n')).toEqual(['i', '0', '1', '…另有 3 行未显示 (5 rows)']);
  });

  it('rounds non-integers to the requested decimals for display only', () => {
    expect(formatValue(1.23456, 2)).toBe('1.23');
    expect(formatValue(7, 2)).toBe('7');
  });

  it('is a Jupyter display object with text/html and text/plain', async () => {
    const bundle = await table([{ a: 1 }])[JUPYTER_DISPLAY]();
    expect(Object.keys(bundle).sort()).toEqual(['text/html', 'text/plain']);
    expect(String(md('**x**'))).toBe('**x**');
  });
});

describe('maskSmall', () => {
  it('replaces values built from fewer than min enterprises with the report mark and counts them', () => {
    const rows = [
      { g: 'a', n: 2, v: 10.5 },
      { g: 'b', n: 3, v: 7 },
      { g: 'c', n: 1, v: null },
    ];
    const out = maskSmall(rows, { v: 'n', n: 'n' }, 3);
    // a: v and n masked (2 < 3); b kept (3 is allowed); c: n masked, v stays null (nothing to hide)
    expect(out.rows).toEqual([
      { g: 'a', n: SUPPRESSED, v: SUPPRESSED },
      { g: 'b', n: 3, v: 7 },
      { g: 'c', n: SUPPRESSED, v: null },
    ]);
    expect(out.suppressed).toBe(3);
    expect(out.note).toContain('少于 3 家企业');
  });

  it('leaves rows alone when no count is small', () => {
    expect(maskSmall([{ n: 5, v: 1 }], { v: 'n' }, 3)).toEqual({
      rows: [{ n: 5, v: 1 }],
      suppressed: 0,
      note: null,
    });
  });
});

describe('pivotWide', () => {
  it('makes one column per distinct key in first-seen order and fills gaps with null', () => {
    const rows = [
      { r: '甲', y: '2023年', v: 1 },
      { r: '甲', y: '2024年', v: 2 },
      { r: '乙', y: '2024年', v: 3 },
    ];
    expect(pivotWide(rows, 'r', 'y', 'v')).toEqual([
      { r: '甲', '2023年': 1, '2024年': 2 },
      { r: '乙', '2023年': null, '2024年': 3 },
    ]);
  });
});
