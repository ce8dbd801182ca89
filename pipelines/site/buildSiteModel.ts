import type { ChartData } from '../charts/chartData.ts';
import { formatIndex, formatScore } from '../charts/format.ts';
import { buildIndustryTrendChart } from '../charts/industryTrendChart.ts';
import type { NamedChart } from '../charts/types.ts';
import { UserError } from '../messages/catalogue.ts';
import { publishedCell } from '../publish/publishedCell.ts';
import { revisionLabel, revisionPeriod } from '../publish/revisionLabels.ts';
import { demographySentence } from '../report/buildDemographySection.ts';
import { indexHeadline, indexLookup } from '../report/buildIndexSection.ts';
import { industryRegion } from '../report/buildIndustrySection.ts';
import { revisionLabelContext } from '../report/buildRevisionsSection.ts';
import { countCell } from '../report/formatCell.ts';
import { rankingUncertaintySentence } from '../report/rankingUncertaintyText.ts';
import { buildReportContext } from '../report/reportContext.ts';
import type { MethodologySummary, RevisionRow } from '../report/reportMeta.ts';
import { latestScorecardPeriod } from '../report/scorecardPeriod.ts';
import { sentenceMeta } from '../report/sentenceMeta.ts';
import { MONITOR_SECTION } from './buildMonitorPage.ts';
import { chartDataForYear, siteYears } from './chartDataForYear.ts';
import { responsiveSpec } from './responsiveSpec.ts';
import type { SiteModel, SitePage, SiteYear } from './siteModel.ts';

export interface SiteInputs {
  /** Chart data for the latest year (all earlier rows included). */
  data: ChartData;
  methodology: MethodologySummary;
  runId: string;
  fontFamily: string;
  /** Year selected when a page opens; default the latest. */
  year?: number;
  buildCharts: (data: ChartData) => NamedChart[];
  /** mart.revisions rows up to the latest year (methodology version of the site and demography). */
  revisions?: RevisionRow[];
  /** The 监测预警 page (pipelines/site/buildMonitorPage.ts), when the warehouse has monthly flows. */
  monitor?: SitePage | null;
}

export const SITE_SECTIONS = [
  { id: 'growth', title: '小微企业成长指数' },
  { id: 'ranking', title: '区县排序' },
  { id: 'vitality', title: '新设小微企业活力指数' },
  { id: 'industry', title: '八大万亿产业', chooser: '产业' },
  { id: 'demography', title: '企业人口' },
  { id: 'paths', title: '培育库成长路径' },
  { id: 'plan', title: '“8631”计划进度' },
];

const FIGURE_NOTE = (min: number) =>
  `“—”表示不予公布或暂无数据：由少于 ${min} 家企业计算的数值，以及可由其他公布数值推算出这类数值的数值，按发布规则不予公布。`;

function siteYear(inputs: SiteInputs, year: number, countyCode?: string): SiteYear {
  const data = chartDataForYear(inputs.data, year, countyCode);
  const ctx = buildReportContext(data, sentenceMeta(inputs.methodology, inputs.fontFamily));
  const labels = revisionLabelContext(ctx);
  const focus = ctx.focus.region_code;
  const demo = data.demography.find((r) => r.year === year && r.region_code === focus);
  const period = latestScorecardPeriod(ctx);
  const plan = data.scorecard.find((r) => r.period_end === period && r.region_code === focus);
  const dash = '—';
  const figures = [
    {
      label: inputs.methodology.growthNameZh,
      value: formatIndex(indexLookup(ctx, 'growth').value(year, focus, 'total')),
    },
    {
      label: inputs.methodology.vitalityNameZh,
      value: formatIndex(indexLookup(ctx, 'vitality').value(year, focus, 'total')),
    },
    {
      label: '年末在营企业（家）',
      value: demo ? publishedCell(demo.active, demo.withheld.active, countCell).text : dash,
    },
    {
      label: '当年新设企业（家）',
      value: demo ? publishedCell(demo.births, demo.withheld.births, countCell).text : dash,
    },
    { label: '“8631”计划综合得分', value: formatScore(plan?.total_score ?? null) },
  ];
  return {
    year,
    figures,
    note: figures.some((f) => f.value === dash) ? FIGURE_NOTE(ctx.min) : '',
    revisions: (inputs.revisions ?? [])
      .filter((r) => r.region_code === focus && r.year <= year)
      .map((r) => ({
        period: revisionPeriod(r),
        label: revisionLabel(r, labels),
        old: r.old_text,
        new: r.new_text,
      })),
    headlines: [
      indexHeadline(ctx, 'growth'),
      indexHeadline(ctx, 'vitality'),
      demographySentence(year, ctx.subject, demo),
      // How certain the rankings are (methodology §11): neighbours within the uncertainty, strongest input.
      ...(['growth', 'vitality', 'scorecard'] as const).flatMap(
        (r) => rankingUncertaintySentence(ctx, r) ?? [],
      ),
    ],
    charts: [
      ...inputs.buildCharts(data).map((c) => ({
        id: c.id,
        title: c.title,
        section: c.section,
        spec: responsiveSpec(c.spec),
      })),
      ...industryCharts(ctx).map((c) => ({
        id: c.id,
        title: c.title,
        section: c.section,
        choice: c.choice,
        spec: responsiveSpec(c.spec),
      })),
    ],
  };
}

/**
 * The industry selector (methodology §8): one chart per 八大万亿产业, each carrying its industry as `choice`; the
 * page shows one at a time, picked in a drop-down. None without the industry marts.
 */
function industryCharts(ctx: ReturnType<typeof buildReportContext>): (NamedChart & { choice: string })[] {
  const industry = ctx.data.industry;
  if (!industry) return [];
  const region = industryRegion(ctx, industry);
  return industry.industries.map((k, i) => ({
    id: `industry-trend-${i + 1}`,
    title: `${region.name_zh}${k}产业小微企业指数走势`,
    section: 'industry',
    choice: k,
    spec: buildIndustryTrendChart(industry, {
      industry: k,
      regionCode: region.region_code,
      regionName: region.name_zh,
      year: ctx.year,
      baseYear: ctx.data.baseYear,
      minEnterprises: ctx.min,
      note: industry.note,
    }),
  }));
}

/** The dashboard as data: one page for the city and one per county, each with every year's charts (pure). */
export function buildSiteModel(inputs: SiteInputs): SiteModel {
  const years = siteYears(inputs.data);
  // A year asked for and not covered is refused, never silently replaced by the latest.
  if (inputs.year !== undefined && !years.includes(inputs.year))
    throw new UserError('site.year_not_covered', { year: inputs.year, years: years.join('、') });
  const city = inputs.data.regions.find((r) => r.level === 'city');
  if (!city) throw new UserError('ref.no_city');
  const counties = inputs.data.regions.filter((r) => r.level === 'county');
  const cityPage: SitePage = {
    file: 'index.html',
    dataFile: 'data/city.js',
    regionCode: city.region_code,
    title: `${city.name_zh}小微企业发展指数`,
    years: years.map((y) => siteYear(inputs, y)),
  };
  const countyPages: SitePage[] = counties.map((c) => ({
    file: `county-${c.region_code}.html`,
    dataFile: `data/county-${c.region_code}.js`,
    regionCode: c.region_code,
    title: `${city.name_zh}${c.name_zh}小微企业发展指数`,
    years: years.map((y) => siteYear(inputs, y, c.region_code)),
  }));
  const latest = years.at(-1) ?? inputs.data.year;
  return {
    cityName: city.name_zh,
    minEnterprises: inputs.data.minEnterprises,
    methodologyVersion: inputs.methodology.version,
    runId: inputs.runId,
    defaultYear: inputs.year ?? latest,
    nav: [
      { file: 'index.html', label: `${city.name_zh}（全市）` },
      ...counties.map((c) => ({ file: `county-${c.region_code}.html`, label: c.name_zh })),
      ...(inputs.monitor ? [{ file: inputs.monitor.file, label: '监测预警' }] : []),
    ],
    pages: [cityPage, ...countyPages, ...(inputs.monitor ? [inputs.monitor] : [])],
    fontFamily: inputs.fontFamily,
    sections: inputs.monitor ? [...SITE_SECTIONS, MONITOR_SECTION] : SITE_SECTIONS,
  };
}
