import type { ChartData } from '../charts/chartData.ts';
import type { FileSink } from '../charts/render.ts';
import type { NamedChart } from '../charts/types.ts';
import { namespaceSvgIds } from './namespaceSvgIds.ts';
import type { RenderedChart } from './reportMeta.ts';

/** How the report gets its charts: injected so model and template tests need no vega. */
export interface ChartRenderer {
  /** Charts of the report, rendered to SVG strings, and an emitter of their .vl.json/.svg/.png files. */
  render(data: ChartData): Promise<{ charts: RenderedChart[]; write(sink: FileSink): Promise<unknown> }>;
}

/** Renders charts to SVG for embedding in a page, each with its own SVG id namespace (vega loaded on use). */
export async function renderNamedCharts(named: readonly NamedChart[]): Promise<RenderedChart[]> {
  const { renderSvg } = await import('../charts/render.ts');
  const charts: RenderedChart[] = [];
  for (const c of named)
    charts.push({
      id: c.id,
      title: c.title,
      section: c.section,
      svg: namespaceSvgIds(await renderSvg(c.spec), `c-${c.id}`),
    });
  return charts;
}

/** The real renderer: the charts module's specs, rendered server-side by vega (loaded on first use). */
export const vegaChartRenderer: ChartRenderer = {
  async render(data) {
    const { buildReportCharts } = await import('../charts/reportCharts.ts');
    const { renderChartFiles, emitRenderedChartFiles } = await import('../charts/render.ts');
    // Each chart is laid out once, for the HTML and for its files; its PNG is rasterised meanwhile.
    const rendered = await renderChartFiles(buildReportCharts(data));
    const charts: RenderedChart[] = rendered.map(({ chart, svg }) => ({
      id: chart.id,
      title: chart.title,
      section: chart.section,
      svg: namespaceSvgIds(svg, `c-${chart.id}`),
    }));
    return { charts, write: (sink: FileSink) => emitRenderedChartFiles(rendered, sink) };
  },
};
