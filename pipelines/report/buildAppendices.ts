import { publishedCell, withFootnotes } from '../publish/publishedCell.ts';
import { indexName } from './buildIndexSection.ts';
import { droppedReasonText } from './droppedReasonLabels.ts';
import { amountCell, countCell, textCell } from './formatCell.ts';
import { sobolTable } from './rankingUncertaintyText.ts';
import type { ReportContext } from './reportContext.ts';
import type { Block, ReportSection, ReportTable } from './reportModel.ts';
import { shortHash, sourceDisplayNames } from './sourceDisplayNames.ts';

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
        // The layer keeps a raw value only where it may be published (not from 1–2 firms, not recoverable).
        publishedCell(r.raw_value, r.raw_withheld, (v) => amountCell(v, 4)),
        textCell(droppedReasonText(r.dropped_reason ?? '', ctx.meta.droppedReasonLabels)),
      ]),
  );
  const table: ReportTable = {
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
  return withFootnotes(table, ctx.min);
}

/** The suppression method and its trade-off, as pipelines/publish/README.md states it (methodology §6). */
export function suppressionMethodItems(
  min: number,
  withheld: { primary: number; secondary: number },
): string[] {
  return [
    `主隐去：每个公布数值都按其依据的企业数判断——计数依据其本身，比率依据分子和分母，指数（本期值 ÷ 基期值）依据本期和基期，模块与总指数依据其组成部分；依据 1—${min - 1} 家企业的数值不予公布（0 家的空单元格不含企业信息，照常公布）。“8631”计划数据为部门报送的计划完成数，不涉及企业数，照常公布。`,
    '次隐去（互补隐去）：公布的数值之间存在可相互推算的关系——全市 = 各区县之和（另含未落区县的市本级企业，按保守原则视为读者已知）；模块 = 所含指标的加权平均，总指数 = 模块的加权平均（权重已公布）；比率与其分子、分母；指标指数与其所依据的公布数值（如 C3 = 100 × 本年小升规数 ÷ 基期小升规数）。凡一组关系中只有一个数值被隐去，或被隐去的各部分合计仍不足规定家数，即在该组中再隐去一个“代价”最小的数值，反复进行直至每组关系都满足为止。',
    '代价由低到高依次为：未与其他公布数值相联的指标、剔除指标的原始值、模块、与计数相联的指标、比率、区县计数、总指数，市级数值最后；同类中依据企业数较少者先隐去。该方法是确定性的启发式算法，思路与 τ-ARGUS 和 R 语言 sdcTable 的单元格隐去一致（零单元格不视为敏感，也不用作互补隐去）；隐去决定对全部年份、地区、报告和看板统一作出，同一数值在各处一致。',
    `取舍：次隐去多隐去了一些本可公布的数值，以换取任何被隐去的数值都无法通过相加、相减或相除从其他公布数值中推算出来。本数据共主隐去 ${withheld.primary} 个数值、次隐去 ${withheld.secondary} 个数值（全部年份和地区合计）。`,
  ];
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
          `发布规则：由少于 ${m.minEnterprises} 家企业计算的数值，以及可由其他公布数值推算出这类数值的数值，以“—”表示；报告不含任何单个企业的数据。`,
        ],
      },
      { kind: 'subheading', text: '数值隐去方法' },
      { kind: 'list', items: suppressionMethodItems(m.minEnterprises, ctx.meta.withheld) },
      { kind: 'para', text: m.weightsNoteZh },
      { kind: 'table', table: weightsTable(ctx) },
      { kind: 'table', table: droppedTable(ctx) },
      ...sensitivityBlocks(ctx),
    ],
  };
}

/** 排名的敏感度: the §11 analysis in one note and the Sobol indices of the report year, when computed. */
function sensitivityBlocks(ctx: ReportContext): Block[] {
  const table = sobolTable(ctx);
  if (!table) return [];
  const note = ctx.meta.methodology.uncertaintyNoteZh;
  return [
    { kind: 'subheading', text: '排名的不确定性与敏感度分析' },
    ...(note ? [{ kind: 'para' as const, text: note }] : []),
    { kind: 'table', table },
  ];
}

function sourcesTable(ctx: ReportContext): ReportTable {
  const names = sourceDisplayNames(ctx.meta.sources);
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
      { label: '剔除行数', numeric: true },
      { label: '状态', numeric: false, nowrap: true },
      { label: 'SHA-256', numeric: false },
    ],
    rows: ctx.meta.sources.map((s) => [
      textCell(names.get(s.file) ?? s.file),
      textCell(s.kind),
      textCell(s.as_of),
      countCell(s.rows_read),
      countCell(s.rows_loaded),
      countCell(s.rows_quarantined),
      countCell(s.rows_dropped),
      textCell(s.status),
      // The page prints 12 hex digits; the CSV and XLSX of this table carry the full SHA-256.
      { text: shortHash(s.sha256), value: s.sha256, cls: 'hash' },
    ]),
    footnotes:
      ctx.meta.sources.length === 0
        ? ['仓库中没有入库记录（ops.ingest_log 为空）。']
        : [
            '每个文件：读取行数 = 入库行数 + 隔离行数 + 剔除行数（剔除的是完全重复的行和合计/总计/小计行）。',
            '文件名相对于入库时的收件目录；SHA-256 显示前 12 位，完整值见本表的 CSV/XLSX 文件（tables/data-sources.csv）。',
          ],
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
    items.push(`输入文件：${hashes.length} 个（逐一列于下表，完整 SHA-256 见 tables/data-sources.csv）`);
  const blocks: Block[] = [
    { kind: 'list', items },
    { kind: 'table', table: sourcesTable(ctx) },
    { kind: 'table', table: quarantineTable(ctx) },
  ];
  return { id: 'data', number, title: '数据说明', appendix: true, blocks };
}
