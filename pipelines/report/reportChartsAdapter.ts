import type { ChartData } from '../charts/chartData.ts';
import type { FileSink } from '../charts/render.ts';
import type { NamedChart } from '../charts/types.ts';
import { namespaceSvgIds } from './namespaceSvgIds.ts';
import type { RenderedChart } from './reportMeta.ts';

/** Charts rendered once for every use: the SVGs a page embeds, and an emitter of their .vl.json/.svg/.png files. */
export interface RenderedCharts {
  charts: RenderedChart[];
  write(sink: FileSink): Promise<unknown>;
}

/** How the report gets its charts: injected so model and template tests need no vega. */
export interface ChartRenderer {
  /** Charts of the report, rendered to SVG strings, and an emitter of their .vl.json/.svg/.png files. */
  render(data: ChartData): Promise<RenderedCharts>;
  /** Starts loading what render needs, so that it loads while the caller waits on something else. */
  preload?(): void;
}

let vegaStack:
  | Promise<[typeof import('../charts/reportCharts.ts'), typeof import('../charts/render.ts')]>
  | undefined;
/** vega and vega-lite take ≈ 0.5 s to load: on first use, once per process. */
function loadVegaStack() {
  vegaStack ??= Promise.all([import('../charts/reportCharts.ts'), import('../charts/render.ts')]);
  return vegaStack;
}

/**
 * Lays each chart out once, for the page and for its files (its PNG is rasterised meanwhile), each with its own
 * SVG id namespace so that several charts can share a page.
 */
export async function renderNamedCharts(named: readonly NamedChart[]): Promise<RenderedCharts> {
  const [, { renderChartFiles, emitRenderedChartFiles }] = await loadVegaStack();
  const rendered = await renderChartFiles(named);
  const charts: RenderedChart[] = rendered.map(({ chart, svg }) => ({
    id: chart.id,
    title: chart.title,
    section: chart.section,
    svg: namespaceSvgIds(svg, `c-${chart.id}`),
  }));
  return { charts, write: (sink: FileSink) => emitRenderedChartFiles(rendered, sink) };
}

/** The real renderer: the charts module's specs, rendered server-side by vega (loaded on first use). */
export const vegaChartRenderer: ChartRenderer = {
  async render(data) {
    const [{ buildReportCharts }] = await loadVegaStack();
    return renderNamedCharts(buildReportCharts(data));
  },
  preload() {
    // A failure surfaces in render; here it must not become an unhandled rejection.
    loadVegaStack().catch(() => undefined);
  },
};
