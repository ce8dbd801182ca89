import { indexName } from './buildIndexSection.ts';
import { droppedReasonText } from './droppedReasonLabels.ts';
import { amountCell, countCell, textCell } from './formatCell.ts';
import type { ReportContext } from './reportContext.ts';
import type { Block, ReportSection, ReportTable } from './reportModel.ts';

function weightsTable(ctx: ReportContext): ReportTable {
  const rows = (['growth', 'vitality'] as const).flatMap((kind) => {
    const meta = ctx.data.indexMeta.filter((m) => m.index === kind);
    const modules = meta.filter((m) => m.level === 'module');
    const moduleSum = modules.reduce((s, m) => s + m.weight, 0);
    return modules.flatMap((m) => {
      const inds = meta.filter((i) => i.level === 'indicator' && i.parent === m.code);
      const indSum = inds.reduce((s, i) => s + i.weight, 0);
      return inds.map((i) => [
        textCell(indexName(ctx, kind)),
        textCell(`${m.code} ${m.name_zh}`),
        amountCell(m.weight, 4),
        textCell(`${i.code} ${i.name_zh}`),
        // Effective weight of the indicator in the total when nothing is dropped.
        amountCell((m.weight / moduleSum) * (i.weight / indSum), 4),
      ]);
    });
  });
  return {
    id: 'methodology-weights',
    title: `指数权重（方法版本 ${ctx.meta.methodology.version}）`,
    columns: [
      { label: '指数', numeric: false },
      { label: '模块', numeric: false },
      { label: '模块权重', numeric: true },
      { label: '指标', numeric: false },
      { label: '指标在总指数中的权重', numeric: true },
    ],
    rows,
    footnotes: [
      '模块内各指标等权；某指标缺失时，其权重在模块内其余指标间重新分配，模块缺失时在其余模块间重新分配。',
    ],
  };
}

function droppedTable(ctx: ReportContext): ReportTable {
  const names = new Map(ctx.data.regions.map((r) => [r.region_code, r.name_zh]));
  const metaName = new Map(ctx.data.indexMeta.map((m) => [`${m.index}|${m.code}`, m.name_zh]));
  const rows = (['growth', 'vitality'] as const).flatMap((kind) =>
    (kind === 'growth' ? ctx.data.growth : ctx.data.vitality)
      .filter((r) => r.year === ctx.year && r.dropped_reason !== null)
      .map((r) => [
        textCell(indexName(ctx, kind)),
        textCell(names.get(r.region_code) ?? r.region_code),
        textCell(
          r.code === 'total' ? '总指数' : `${r.code} ${metaName.get(`${kind}|${r.code}`) ?? ''}`.trim(),
        ),
        r.raw_value === null ? { text: '…', value: null } : amountCell(r.raw_value, 4),
        textCell(droppedReasonText(r.dropped_reason ?? '', ctx.meta.droppedReasonLabels)),
      ]),
  );
  return {
    id: 'methodology-dropped',
    title: `${ctx.year}年剔除的指标及原因`,
    columns: [
      { label: '指数', numeric: false },
      { label: '地区', numeric: false },
      { label: '指标', numeric: false },
      { label: '原始值', numeric: true },
      { label: '剔除原因', numeric: false },
    ],
    rows,
    footnotes: rows.length === 0 ? ['本年无剔除指标。'] : [],
  };
}

/** 附录一 方法说明: version, base year, weights (ours, not the official ones), dropped indicators. */
export function buildMethodologyAppendix(ctx: ReportContext, number: string): ReportSection {
  const m = ctx.meta.methodology;
  return {
    id: 'methodology',
    number,
    title: '方法说明',
    appendix: true,
    blocks: [
      {
        kind: 'list',
        items: [
          `方法版本：${m.version}（${m.titleZh}）`,
          `基期：${m.baseYear}年 = 100；指数 = 100 × 本期值 ÷ 基期值（逆向指标取倒数），模块为指标加权算术平均，总指数为模块加权算术平均。`,
          `计划期：自 ${m.planStart} 起至 ${m.planEndYear} 年末。`,
          `发布规则：由少于 ${m.minEnterprises} 家企业计算的数值以“—”表示；报告不含任何单个企业的数据。`,
        ],
      },
      { kind: 'para', text: m.weightsNoteZh },
      { kind: 'table', table: weightsTable(ctx) },
      { kind: 'table', table: droppedTable(ctx) },
    ],
  };
}

function sourcesTable(ctx: ReportContext): ReportTable {
  return {
    id: 'data-sources',
    title: '数据来源（入库文件）',
    columns: [
      { label: '文件', numeric: false },
      { label: '类型', numeric: false, nowrap: true },
      { label: '数据截至', numeric: false, nowrap: true },
      { label: '读取行数', numeric: true },
      { label: '入库行数', numeric: true },
      { label: '隔离行数', numeric: true },
      { label: '状态', numeric: false, nowrap: true },
      { label: 'SHA-256', numeric: false },
    ],
    rows: ctx.meta.sources.map((s) => [
      textCell(s.file),
      textCell(s.kind),
      textCell(s.as_of),
      countCell(s.rows_read),
      countCell(s.rows_loaded),
      countCell(s.rows_quarantined),
      textCell(s.status),
      textCell(s.sha256, 'hash'),
    ]),
    footnotes: ctx.meta.sources.length === 0 ? ['仓库中没有入库记录（ops.ingest_log 为空）。'] : [],
  };
}

function quarantineTable(ctx: ReportContext): ReportTable {
  return {
    id: 'data-quarantine',
    title: '隔离数据汇总（按原因）',
    columns: [
      { label: '原因代码', numeric: false },
      { label: '行数', numeric: true },
      { label: '涉及文件数', numeric: true },
    ],
    rows: ctx.meta.quarantine.map((q) => [textCell(q.reason), countCell(q.rows), countCell(q.files)]),
    footnotes: ['被隔离的原始行保存在 ops.quarantine 中，可逐行核查。'],
  };
}

/** 附录二 数据说明: run, methodology version, inputs with hashes, quarantine by reason. */
export function buildDataAppendix(ctx: ReportContext, number: string): ReportSection {
  const b = ctx.meta.build;
  const items = [
    `方法版本：${ctx.meta.methodology.version}`,
    b
      ? `计算批次（run id）：${b.run_id ?? ''}；开始 ${b.started_at ?? ''}，结束 ${b.finished_at ?? ''}`
      : '计算批次：仓库中无构建记录（ops.build_log 不存在或为空）。',
  ];
  const hashes = (b?.input_hashes ?? '').split(',').filter((h) => h.trim() !== '');
  if (hashes.length > 0)
    items.push(`输入文件（${hashes.length} 个）SHA-256：${hashes.map((h) => h.trim()).join('，')}`);
  const blocks: Block[] = [
    { kind: 'list', items },
    { kind: 'table', table: sourcesTable(ctx) },
    { kind: 'table', table: quarantineTable(ctx) },
  ];
  return { id: 'data', number, title: '数据说明', appendix: true, blocks };
}

/** 数据修订: shown only when mart.revisions exists and has rows (§6: old and new value side by side). */
export function buildRevisionsSection(ctx: ReportContext, number: string): ReportSection | null {
  const rows = ctx.meta.revisions;
  if (rows.length === 0) return null;
  const keys = Object.keys(rows[0]);
  return {
    id: 'revisions',
    number,
    title: '数据修订',
    appendix: true,
    blocks: [
      { kind: 'para', text: '以下已发布数值因迟报数据而修订，列出原值与新值。' },
      {
        kind: 'table',
        table: {
          id: 'revisions',
          title: '已发布数值的修订',
          columns: keys.map((k) => ({ label: k, numeric: false })),
          rows: rows.map((r) => keys.map((k) => textCell(r[k] ?? ''))),
          footnotes: [],
        },
      },
    ],
  };
}
