export type XlsxValue = string | number | null;

/** Cell styles the workbooks use: plain, bold (headings), and the internal marking (bold dark red). */
export type XlsxStyle = 'plain' | 'bold' | 'mark';

export interface XlsxRow {
  values: readonly XlsxValue[];
  style?: XlsxStyle;
}

export interface XlsxSheet {
  /** At most 31 characters, none of []:*?/\ (Excel's rule). */
  name: string;
  rows: readonly XlsxRow[];
  /** Column widths in characters, from column A; undefined = Excel's default. */
  widths?: readonly (number | undefined)[];
  /** Rows kept in view when scrolling. */
  frozenRows?: number;
  /** Printed page header and footer, in Excel's &-code syntax (e.g. '&C&"-,Bold"内部资料'). */
  headerFooter?: { oddHeader: string; oddFooter: string };
}

export interface XlsxWorkbook {
  sheets: readonly XlsxSheet[];
  /** Written as the document's creator and last editor. */
  author: string;
  /** The document's created/modified date and every zip entry's time: an input, never the clock. */
  date: Date;
}
