import { withFootnotes } from '../publish/publishedCell.ts';
import { type RevisionLabelContext, revisionLabel, revisionPeriod } from '../publish/revisionLabels.ts';
import { SUPPRESSED, suppressedCell, textCell } from './formatCell.ts';
import type { ReportContext } from './reportContext.ts';
import type { ReportSection, ReportTable } from './reportModel.ts';

/** The labels a revision needs, from the report's data (index and plan names). */
export function revisionLabelContext(ctx: ReportContext): RevisionLabelContext {
  return {
    indexNames: {
      growth: ctx.meta.methodology.growthNameZh,
      vitality: ctx.meta.methodology.vitalityNameZh,
    },
    indexItems: new Map(ctx.data.indexMeta.map((m) => [`${m.index}|${m.code}`, m.name_zh])),
    planIndicators: new Map(ctx.data.planIndicators.map((p) => [p.indicator_no, p.name_zh])),
  };
}

/** The revisions table: Chinese labels, figures as printed then and now ("—" where withheld). */
export function revisionsTable(
  rows: ReportContext['meta']['revisions'],
  ctx: ReportContext,
  id = 'revisions',
): ReportTable {
  const labels = revisionLabelContext(ctx);
  const order = new Map(ctx.data.regions.map((r, i) => [r.region_code, i]));
  const names = new Map(ctx.data.regions.map((r) => [r.region_code, r.name_zh]));
  const sorted = [...rows].sort(
    (a, b) =>
      a.year - b.year ||
      (order.get(a.region_code) ?? 99) - (order.get(b.region_code) ?? 99) ||
      a.cell_key.localeCompare(b.cell_key) ||
      a.new_run_id.localeCompare(b.new_run_id),
  );
  const figure = (t: string) => (t === SUPPRESSED ? suppressedCell() : textCell(t));
  return withFootnotes(
    {
      id,
      title: '已发布数值的修订',
      columns: [
        { label: '时期', numeric: false, nowrap: true },
        { label: '地区', numeric: false, nowrap: true },
        { label: '项目', numeric: false },
        { label: '原值', numeric: true },
        { label: '新值', numeric: true },
        { label: '修订批次', numeric: false },
      ],
      rows: sorted.map((r) => [
        textCell(revisionPeriod(r)),
        textCell(names.get(r.region_code) ?? r.region_code),
        textCell(revisionLabel(r, labels)),
        figure(r.old_text),
        figure(r.new_text),
        textCell(r.new_run_id),
      ]),
      footnotes: ['原值、新值均按公布的精度列示；仅列出公布数值在该精度下发生变化的情形。'],
    },
    ctx.min,
  );
}

/** 数据修订 (§6: old and new value side by side), for the years the report covers; omitted when there are none. */
export function buildRevisionsSection(ctx: ReportContext, number: string): ReportSection | null {
  const rows = ctx.meta.revisions.filter((r) => r.year <= ctx.year);
  if (rows.length === 0) return null;
  return {
    id: 'revisions',
    number,
    title: '数据修订',
    appendix: true,
    blocks: [
      {
        kind: 'para',
        text: `以下 ${ctx.year} 年及以前的已发布数值因迟报或更正的数据而修订，列出原值与新值；被隐去数值的修订同样以“—”表示。`,
      },
      { kind: 'table', table: revisionsTable(rows, ctx) },
    ],
  };
}
