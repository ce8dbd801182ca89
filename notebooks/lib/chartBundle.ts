// A project chart (a Vega-Lite spec from pipelines/charts) as notebook output: the Vega-Lite MIME bundle
// that JupyterLab and VS Code render, an SVG for classic Notebook (no Vega renderer there), and the title.
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../../pipelines/charts/render.ts';
import { type Displayable, displayable, type MimeBundle } from './display.ts';

export const VEGA_LITE_V5_MIME = 'application/vnd.vegalite.v5+json';
export const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * The spec re-labelled as Vega-Lite v5. JupyterLab and VS Code render only the v3–v5 MIME types, while
 * the project's builders write v6. They use only marks, encodings, layers, titles and concatenation that
 * v5 already had, so only `$schema` changes. A chart that needs v6 would show wrongly there: pass
 * `{ svgOnly: true }` (the SVG is rendered here by vega 6 and is always right).
 */
export function vegaLiteV5(spec: TopLevelSpec): TopLevelSpec {
  return { ...spec, $schema: VEGA_LITE_V5_SCHEMA } as TopLevelSpec;
}

/** The chart's title text, for text/plain. */
export function chartTitle(spec: TopLevelSpec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && 'text' in t) {
    const text = (t as { text: unknown }).text;
    return Array.isArray(text) ? text.join(' ') : String(text);
  }
  return 'Vega-Lite chart';
}

export interface ChartOptions {
  /** Leave out the Vega-Lite bundle (SVG only), e.g. if a frontend renders it wrongly. */
  svgOnly?: boolean;
}

export async function chartBundle(spec: TopLevelSpec, options: ChartOptions = {}): Promise<MimeBundle> {
  const bundle: MimeBundle = {
    'image/svg+xml': await renderSvg(spec),
    'text/plain': `[chart] ${chartTitle(spec)}`,
  };
  if (!options.svgOnly) bundle[VEGA_LITE_V5_MIME] = vegaLiteV5(spec);
  return bundle;
}

/** A chart output: `chart(buildRankingChart(rows, opts))` as a cell's last expression. */
export function chart(spec: TopLevelSpec, options: ChartOptions = {}): Displayable {
  return displayable(`[chart] ${chartTitle(spec)}`, () => chartBundle(spec, options));
}

/** Replaces a chart's title text, keeping its subtitle (footnotes such as the suppression note). */
export function retitle(spec: TopLevelSpec, text: string): TopLevelSpec {
  const t = (spec as { title?: unknown }).title;
  const subtitle =
    t && typeof t === 'object' && 'subtitle' in t ? (t as { subtitle: unknown }).subtitle : undefined;
  return { ...spec, title: subtitle === undefined ? { text } : { text, subtitle } } as TopLevelSpec;
}

/**
 * Two or more project charts next to each other (hconcat); the first chart's $schema and config apply.
 * `shared: ['x']` puts them on one x scale, so bars of equal value have equal length across charts.
 */
export function sideBySide(
  specs: readonly TopLevelSpec[],
  title?: string,
  options: { shared?: ('x' | 'y')[] } = {},
): TopLevelSpec {
  if (specs.length === 0) throw new Error('sideBySide: no charts');
  // Top-level-only properties: a concatenated spec keeps them once, at the top (the first chart's).
  const { $schema, config, usermeta, autosize, padding, background, datasets } = specs[0];
  // Parameters declared at a chart's top level may be variables, which a nested view cannot hold; the
  // project's charts declare none, so one that does is refused rather than silently changed.
  if (specs.some((s) => s.params !== undefined)) throw new Error('sideBySide: a chart declares params');
  const inner = specs.map(
    ({ $schema, config, usermeta, autosize, padding, background, datasets, params, ...chart }) => chart,
  );
  const top: TopLevelSpec = { hconcat: inner, spacing: 40 };
  const kept = { $schema, config, usermeta, autosize, padding, background, datasets };
  for (const [k, v] of Object.entries(kept)) if (v !== undefined) Object.assign(top, { [k]: v });
  if (title) top.title = title;
  if (options.shared && options.shared.length > 0) {
    top.resolve = { scale: Object.fromEntries(options.shared.map((channel) => [channel, 'shared'])) };
  }
  return top;
}
