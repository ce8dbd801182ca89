// Shared pieces of the chart builders: region order and colours, titles and footnotes, sorting.
import type { ChartRegion } from './chartData.ts';
import { suppressionNote } from './suppression.ts';
import { CHART_THEME, CITY_COLOR, COUNTY_COLORS } from './theme.ts';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** City first, then counties by region code: the order of every legend and axis. */
export function orderRegions(regions: readonly ChartRegion[]): ChartRegion[] {
  return [...regions].sort((a, b) => {
    if (a.level !== b.level) return a.level === 'city' ? -1 : 1;
    return compareStrings(a.region_code, b.region_code);
  });
}

/** The regions a chart shows: all, or the city and one county for a county report. */
export function selectRegions(regions: readonly ChartRegion[], focusCode?: string): ChartRegion[] {
  const ordered = orderRegions(regions);
  if (!focusCode) return ordered;
  return ordered.filter((r) => r.level === 'city' || r.region_code === focusCode);
}

export function cityOf(regions: readonly ChartRegion[]): ChartRegion | undefined {
  return orderRegions(regions).find((r) => r.level === 'city');
}

export function regionName(regions: readonly ChartRegion[], code: string): string {
  return regions.find((r) => r.region_code === code)?.name_zh ?? code;
}

/**
 * Colour per region, fixed by position in the full region list (not by what a chart happens to show),
 * so 吴兴区 has the same colour in every chart of every report.
 */
export function regionColorScale(
  all: readonly ChartRegion[],
  shown: readonly ChartRegion[],
): { domain: string[]; range: string[] } {
  const counties = orderRegions(all).filter((r) => r.level === 'county');
  const colorOf = (r: ChartRegion): string =>
    r.level === 'city'
      ? CITY_COLOR
      : COUNTY_COLORS[counties.findIndex((c) => c.region_code === r.region_code) % COUNTY_COLORS.length];
  const ordered = orderRegions(shown);
  return { domain: ordered.map((r) => r.name_zh), range: ordered.map(colorOf) };
}

/** Code-point comparison: locale-independent, so ordering is identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearSpan(years: readonly number[]): string {
  if (years.length === 0) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${lo}年` : `${lo}—${hi}年`;
}

export function distinctSorted(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

export interface ChartHeader {
  title: { text: string; subtitle?: string[] };
  description: string;
  usermeta: { suppressedCells: number; missingCells: number; minEnterprises: number };
}

/**
 * Title, footnotes and machine-readable counts of a chart. The suppression footnote goes in the
 * subtitle too, so a PNG pasted into slides still carries it.
 */
export function chartHeader(opts: {
  title: string;
  notes?: (string | null | undefined)[];
  description: string;
  suppressed: number;
  missing?: number;
  minEnterprises: number;
}): ChartHeader {
  const notes = (opts.notes ?? []).filter((n): n is string => Boolean(n));
  const suppression = suppressionNote(opts.suppressed, opts.minEnterprises);
  const subtitle = suppression ? [...notes, suppression] : notes;
  return {
    title: subtitle.length > 0 ? { text: opts.title, subtitle } : { text: opts.title },
    description: [opts.description, ...subtitle].join(''),
    usermeta: {
      suppressedCells: opts.suppressed,
      missingCells: opts.missing ?? 0,
      minEnterprises: opts.minEnterprises,
    },
  };
}

/** Top-level fields every spec carries. */
export function baseSpec(header: ChartHeader) {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: header.title,
    description: header.description,
    usermeta: header.usermeta,
    config: CHART_THEME,
  };
}
