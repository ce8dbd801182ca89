import type { ChartData } from '../charts/chartData.ts';
import { UserError } from '../messages/catalogue.ts';
import type { ReportMeta } from './reportMeta.ts';

type Region = ChartData['regions'][number];

/** What every section builder needs: the data, the focus region (city or one county) and the rules. */
export interface ReportContext {
  data: ChartData;
  meta: ReportMeta;
  year: number;
  city: Region;
  counties: Region[];
  /** The region the report is about: the city, or the county of `--county`. */
  focus: Region;
  /** '全市' for the city report, else the county's name. */
  subject: string;
  min: number;
}

export function buildReportContext(data: ChartData, meta: ReportMeta): ReportContext {
  const city = data.regions.find((r) => r.level === 'city');
  if (!city) throw new UserError('ref.no_city');
  const counties = data.regions.filter((r) => r.level === 'county');
  const focus = data.countyCode ? counties.find((r) => r.region_code === data.countyCode) : city;
  if (!focus) throw new UserError('report.unknown_county', { code: String(data.countyCode) });
  return {
    data,
    meta,
    year: data.year,
    city,
    counties,
    focus,
    subject: focus === city ? '全市' : focus.name_zh,
    min: data.minEnterprises,
  };
}

/** Charts of one report section, in the order the chart builder emitted them. */
export function chartsOf(ctx: ReportContext, section: string): ReportMeta['charts'] {
  return ctx.meta.charts.filter((c) => c.section === section);
}
