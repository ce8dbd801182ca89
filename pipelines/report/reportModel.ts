// The report as data: everything the templates print, already formatted. Built by buildReportModel (pure).
import type { MethodologySummary, RenderedChart } from './reportMeta.ts';

/** A table cell: `text` is shown in HTML, `value` is what CSV/XLSX carry ("—" when suppressed). */
export interface Cell {
  text: string;
  value: number | string | null;
  suppressed?: boolean;
  /** Extra CSS class, e.g. a status colour. */
  cls?: string;
}

export interface Column {
  label: string;
  /** Numbers are right-aligned (and never wrap). */
  numeric: boolean;
  /** Short text (unit, status, kind) that should not wrap either. */
  nowrap?: boolean;
}

export interface ReportTable {
  /** File stem for tables/<id>.csv|.xlsx, e.g. 'growth-modules'. */
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  footnotes: string[];
}

export type Block =
  | { kind: 'para'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: RenderedChart };

export interface ReportSection {
  id: string;
  /** e.g. '一、' */
  number: string;
  title: string;
  blocks: Block[];
  /** Appendices start with 附录 and print after the main text. */
  appendix: boolean;
}

export interface ReportModel {
  year: number;
  /** The period printed beside the title when it is not a year (the monitoring bulletin's 2020年6月). */
  periodZh?: string;
  cityName: string;
  /** '全市' label subject: the city name or the county name. */
  scopeName: string;
  countyCode: string | null;
  title: string;
  subtitle: string;
  reportDate: string;
  reportDateZh: string;
  methodology: MethodologySummary;
  runId: string;
  headline: string;
  sections: ReportSection[];
  fontCss: string;
  fontFamily: string;
}

/** Every table of the model, in reading order (for CSV/XLSX export). */
export function reportTables(model: ReportModel): ReportTable[] {
  return model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}
