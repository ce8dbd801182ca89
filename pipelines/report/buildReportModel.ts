import type { ChartData } from '../charts/chartData.ts';
import { buildDataAppendix, buildMethodologyAppendix } from './buildAppendices.ts';
import { buildDemographySection } from './buildDemographySection.ts';
import { buildGrowthPathSection } from './buildGrowthPathSection.ts';
import { buildIndexSection, indexHeadline } from './buildIndexSection.ts';
import { buildIndustrySection } from './buildIndustrySection.ts';
import { buildRankingSection } from './buildRankingSection.ts';
import { buildRevisionsSection } from './buildRevisionsSection.ts';
import { buildScorecardSection } from './buildScorecardSection.ts';
import { buildSummarySection } from './buildSummarySection.ts';
import { buildReportContext } from './reportContext.ts';
import type { ReportMeta } from './reportMeta.ts';
import type { ReportModel, ReportSection } from './reportModel.ts';

const CHAPTER = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** '2021-01-31' → '2021年1月31日'. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The whole annual report as data (pure: same inputs, same model). */
export function buildReportModel(data: ChartData, meta: ReportMeta): ReportModel {
  const ctx = buildReportContext(data, meta);
  const mainBuilders: ((n: string) => ReportSection | null)[] = [
    (n) => buildSummarySection(ctx, n),
    (n) => buildIndexSection(ctx, 'growth', n),
    (n) => buildRankingSection(ctx, n),
    (n) => buildIndexSection(ctx, 'vitality', n),
    (n) => buildIndustrySection(ctx, n),
    (n) => buildDemographySection(ctx, n),
    (n) => buildGrowthPathSection(ctx, n),
    (n) => buildScorecardSection(ctx, n),
  ];
  // A section without data (growth paths in a warehouse built before them) is left out, not numbered.
  const main: ReportSection[] = [];
  for (const build of mainBuilders) {
    const s = build(`${CHAPTER[main.length]}、`);
    if (s) main.push(s);
  }
  const appendixBuilders = [
    (n: string) => buildMethodologyAppendix(ctx, n),
    (n: string) => buildDataAppendix(ctx, n),
    (n: string) => buildRevisionsSection(ctx, n),
  ];
  const appendices: ReportSection[] = [];
  for (const build of appendixBuilders) {
    const s = build(`附录${CHAPTER[appendices.length]}　`);
    if (s) appendices.push(s);
  }
  const cityName = ctx.city.name_zh;
  const scopeName = ctx.focus === ctx.city ? cityName : `${cityName}${ctx.focus.name_zh}`;
  return {
    year: data.year,
    cityName,
    scopeName,
    countyCode: data.countyCode ?? null,
    title: `${scopeName}小微企业发展指数年度报告`,
    subtitle: `${meta.methodology.growthNameZh} · ${meta.methodology.vitalityNameZh} · “8631”计划进度`,
    reportDate: meta.reportDate,
    reportDateZh: chineseDate(meta.reportDate),
    methodology: meta.methodology,
    runId: meta.build?.run_id ?? '',
    headline: indexHeadline(ctx, 'growth'),
    sections: [...main, ...appendices],
    fontCss: meta.fontCss,
    fontFamily: meta.fontFamily,
  };
}
