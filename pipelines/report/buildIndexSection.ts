import { withFootnotes } from '../publish/publishedCell.ts';
import type { PublishedIndexRow } from '../publish/publishedRows.ts';
import { driverSentence } from './driverSentence.ts';
import { amountCell, changeCell, suppressedCell, textCell } from './formatCell.ts';
import { indicatorMoves, moduleMoves } from './indexDrivers.ts';
import { IndexLookup } from './indexLookup.ts';
import { indexSourceNote } from './indexSourceNote.ts';
import { rankRegions } from './rankRegions.ts';
import { chartsOf, type ReportContext } from './reportContext.ts';
import type { Cell, ReportSection, ReportTable } from './reportModel.ts';
import { changeClause, indexSentence } from './summarySentences.ts';

export type IndexKind = 'growth' | 'vitality';

export function indexName(ctx: ReportContext, kind: IndexKind): string {
  return kind === 'growth' ? ctx.meta.methodology.growthNameZh : ctx.meta.methodology.vitalityNameZh;
}

// A lookup per rows array: the site asks for one per page, year and headline (≈ 0.1 s of building maps).
const lookups = new WeakMap<readonly PublishedIndexRow[], IndexLookup>();

export function indexLookup(ctx: ReportContext, kind: IndexKind): IndexLookup {
  const rows = kind === 'growth' ? ctx.data.growth : ctx.data.vitality;
  let lookup = lookups.get(rows);
  if (!lookup) {
    lookup = new IndexLookup(rows);
    lookups.set(rows, lookup);
  }
  return lookup;
}

/** Ranks of the counties on an index total in the report year. */
export function countyRanks(ctx: ReportContext, kind: IndexKind): Map<string, number> {
  const lookup = indexLookup(ctx, kind);
  return rankRegions(
    ctx.counties.map((c) => ({ code: c.region_code, value: lookup.value(ctx.year, c.region_code, 'total') })),
  );
}

/** The headline sentence of one index for the focus region. */
export function indexHeadline(ctx: ReportContext, kind: IndexKind): string {
  const lookup = indexLookup(ctx, kind);
  const code = ctx.focus.region_code;
  const isCounty = ctx.focus.level === 'county';
  return indexSentence({
    year: ctx.year,
    subject: ctx.subject,
    indexName: indexName(ctx, kind),
    current: lookup.value(ctx.year, code, 'total'),
    previous: lookup.value(ctx.year - 1, code, 'total'),
    ...(isCounty
      ? { rank: { rank: countyRanks(ctx, kind).get(code) ?? null, of: ctx.counties.length } }
      : {}),
  });
}

function focusCell(ctx: ReportContext, code: string, name: string): Cell {
  return textCell(name, code === ctx.focus.region_code ? 'focus' : undefined);
}

function modulesTable(ctx: ReportContext, kind: IndexKind, lookup: IndexLookup): ReportTable {
  const modules = ctx.data.indexMeta.filter((m) => m.index === kind && m.level === 'module');
  const regions = [ctx.city, ...ctx.counties];
  const rows = regions.map((r) => [
    focusCell(ctx, r.region_code, r.name_zh),
    ...modules.map((m) => lookup.cell(ctx.year, r.region_code, m.code)),
    lookup.cell(ctx.year, r.region_code, 'total'),
    lookup.changeCell(ctx.year, r.region_code, 'total'),
  ]);
  return withFootnotes(
    {
      id: `${kind}-modules`,
      title: `${ctx.year}年${indexName(ctx, kind)}及分模块指数（${ctx.meta.methodology.baseYear}年 = 100）`,
      columns: [
        { label: '地区', numeric: false },
        ...modules.map((m) => ({ label: `${m.code} ${m.name_zh}`, numeric: true })),
        { label: '总指数', numeric: true },
        { label: '比上年（点）', numeric: true },
      ],
      rows,
      footnotes: [indexSourceNote([`${kind}_index`])],
    },
    ctx.min,
  );
}

function driversTables(
  ctx: ReportContext,
  kind: IndexKind,
  lookup: IndexLookup,
): { tables: ReportTable[]; sentence: string } {
  const region = ctx.focus.region_code;
  const meta = ctx.data.indexMeta.filter((m) => m.index === kind);
  const modules = moduleMoves(
    meta.filter((m) => m.level === 'module'),
    lookup,
    ctx.year,
    region,
  );
  const indicators = indicatorMoves(
    meta.filter((m) => m.level === 'indicator'),
    lookup,
    ctx.year,
    region,
  );
  const moduleTable: ReportTable = {
    id: `${kind}-drivers`,
    title: `${ctx.subject}${indexName(ctx, kind)}分模块变动（${ctx.year - 1}—${ctx.year}年）`,
    columns: [
      { label: '模块', numeric: false },
      { label: '权重', numeric: true },
      { label: `${ctx.year - 1}年`, numeric: true },
      { label: `${ctx.year}年`, numeric: true },
      { label: '变动（点）', numeric: true },
      { label: '拉动总指数（点）', numeric: true },
    ],
    rows: modules.map((m) => [
      textCell(`${m.code} ${m.name}`),
      amountCell(m.weight, 2),
      lookup.cell(ctx.year - 1, region, m.code),
      lookup.cell(ctx.year, region, m.code),
      m.withheld ? suppressedCell() : changeCell(m.change),
      m.withheld ? suppressedCell() : changeCell(m.contribution),
    ]),
    footnotes: [
      '拉动总指数 = 模块权重 ÷ 本年有值模块权重之和 × 模块变动。',
      indexSourceNote([`${kind}_index`]),
    ],
  };
  const indicatorTable: ReportTable = {
    id: `${kind}-indicators`,
    title: `${ctx.subject}${indexName(ctx, kind)}分指标指数（${ctx.year - 1}—${ctx.year}年）`,
    columns: [
      { label: '指标', numeric: false },
      { label: '所属模块', numeric: false },
      { label: `${ctx.year - 1}年`, numeric: true },
      { label: `${ctx.year}年`, numeric: true },
      { label: '变动（点）', numeric: true },
    ],
    rows: indicators.map((i) => [
      textCell(`${i.code} ${i.name}`),
      textCell(i.module),
      lookup.cell(ctx.year - 1, region, i.code),
      lookup.cell(ctx.year, region, i.code),
      i.withheld ? suppressedCell() : changeCell(i.change),
    ]),
    footnotes: [indexSourceNote([`${kind}_index`])],
  };
  return {
    tables: [withFootnotes(moduleTable, ctx.min), withFootnotes(indicatorTable, ctx.min)],
    sentence: driverSentence(modules, indicators),
  };
}

/** 成长指数 / 活力指数 section: headline, base-year comparison, drivers, charts, tables. */
export function buildIndexSection(ctx: ReportContext, kind: IndexKind, number: string): ReportSection {
  const lookup = indexLookup(ctx, kind);
  const total = lookup.value(ctx.year, ctx.focus.region_code, 'total');
  const base = ctx.meta.methodology.baseYear;
  const paras = [indexHeadline(ctx, kind)];
  if (total !== null && ctx.year > base) {
    paras.push(`${changeClause(total, 100, `基期（${base}年 = 100）`)}。`);
  }
  const drivers = driversTables(ctx, kind, lookup);
  return {
    id: kind,
    number,
    title: indexName(ctx, kind),
    appendix: false,
    blocks: [
      { kind: 'para', text: paras.join('') },
      { kind: 'para', text: drivers.sentence },
      ...chartsOf(ctx, kind).map((chart) => ({ kind: 'chart' as const, chart })),
      { kind: 'table', table: modulesTable(ctx, kind, lookup) },
      ...drivers.tables.map((table) => ({ kind: 'table' as const, table })),
    ],
  };
}
