// Server-side rendering: Vega-Lite → Vega → SVG (vega's headless 'none' renderer, no browser) → PNG
// (resvg with only the shipped font, so every machine draws the same pixels).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import { FONT_FAMILY, fontFilePaths } from './font.ts';
import { renderPngOnWorker } from './pngWorker.ts';
import { shippedFontMetrics, type TextItemLike, vegaTextWidth } from './textMetrics.ts';
import type { NamedChart } from './types.ts';

/** The parts of vega-scenegraph that vega re-exports but its typings omit. */
interface VegaScenegraphExtras {
  textMetrics: { width: (item: TextItemLike, text: unknown) => number };
  resetSVGDefIds: () => void;
}
function hasScenegraphExtras(m: object): m is VegaScenegraphExtras {
  return 'textMetrics' in m && 'resetSVGDefIds' in m && typeof m.resetSVGDefIds === 'function';
}
// Checked, not cast: a vega upgrade that stops re-exporting these fails here, loudly, at start-up.
if (!hasScenegraphExtras(vega)) throw new Error('vega no longer re-exports textMetrics/resetSVGDefIds');
const scenegraph: VegaScenegraphExtras = vega;

// Once per process: measure text with the shipped font's advance widths (CJK = 1 em) instead of vega's
// 0.8 em-per-character guess, which clips Chinese labels.
scenegraph.textMetrics.width = vegaTextWidth(shippedFontMetrics());

/** A Vega-Lite logger (vega-util LoggerInterface) that records instead of printing. */
export interface CollectingLogger {
  level(): number;
  level(_: number): CollectingLogger;
  error(...args: readonly unknown[]): CollectingLogger;
  warn(...args: readonly unknown[]): CollectingLogger;
  info(...args: readonly unknown[]): CollectingLogger;
  debug(...args: readonly unknown[]): CollectingLogger;
  messages: { level: 'error' | 'warn'; text: string }[];
}

export function collectingLogger(): CollectingLogger {
  let lvl = 2; // vega-util Warn
  const messages: CollectingLogger['messages'] = [];
  const logger = {
    messages,
    level(_?: number) {
      if (_ === undefined) return lvl;
      lvl = _;
      return logger;
    },
    error(...args: readonly unknown[]) {
      messages.push({ level: 'error', text: args.map(String).join(' ') });
      return logger;
    },
    warn(...args: readonly unknown[]) {
      messages.push({ level: 'warn', text: args.map(String).join(' ') });
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger as CollectingLogger;
}

/** Compile Vega-Lite to Vega; warnings go to `logger` (default: collected and dropped). */
export function compileToVega(spec: TopLevelSpec, logger: CollectingLogger = collectingLogger()): vega.Spec {
  return compile(spec, { logger }).spec;
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // vega tags inline data objects with ids in place; render a copy so the caller's spec stays pristine.
  const view = new vega.View(vega.parse(compileToVega(structuredClone(spec))), { renderer: 'none' });
  try {
    // Clip-path and gradient ids count up per process; reset so the same spec gives the same bytes.
    scenegraph.resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function pngOptions(scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: fontFilePaths(),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  };
}

/** Rasterise an SVG at `scale`× with only the shipped font (no system fonts: identical everywhere). */
export function renderPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, pngOptions(scale)).render().asPng();
}

/**
 * renderPng on a worker thread: the same bytes, while the main thread lays out the next chart and the other
 * core rasterises (a PNG costs ≈ 100 ms of CPU, most of it resvg shaping the text into outlines).
 */
export function renderPngAsync(svg: string, scale = 2): Promise<Buffer> {
  return renderPngOnWorker(svg, pngOptions(scale));
}

export interface ChartFiles {
  id: string;
  /** Paths of the written files. */
  vl: string;
  svg: string;
  png: string;
}

/** Receives each output file by name; the publication layer's PublicOutput stages them for its guard. */
export type FileSink = (name: string, data: string | Uint8Array) => void;

/** A chart rendered once for every use: its SVG (what the HTML embeds too) and its PNG, being rasterised. */
export interface RenderedChartFiles {
  chart: NamedChart;
  svg: string;
  png: Promise<Buffer>;
}

/** Renders each chart's SVG in turn and starts its PNG at once, so rasterising overlaps the next layout. */
export async function renderChartFiles(charts: readonly NamedChart[]): Promise<RenderedChartFiles[]> {
  const out: RenderedChartFiles[] = [];
  for (const chart of charts) {
    const svg = await renderSvg(chart.spec);
    const png = renderPngAsync(svg);
    // Awaited by emitRenderedChartFiles; a report that fails before writing its files must not crash on it.
    png.catch(() => undefined);
    out.push({ chart, svg, png });
  }
  return out;
}

/** Emits `<id>.vl.json`, `<id>.svg` and a 2× `<id>.png` per rendered chart to `sink`, in chart order. */
export async function emitRenderedChartFiles(
  rendered: readonly RenderedChartFiles[],
  sink: FileSink,
): Promise<void> {
  for (const { chart, svg, png } of rendered) {
    sink(`${chart.id}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`);
    sink(`${chart.id}.svg`, svg);
    sink(`${chart.id}.png`, await png);
  }
}

/** Emits `<id>.vl.json`, `<id>.svg` and a 2× `<id>.png` per chart to `sink`, in chart order. */
export async function emitChartFiles(charts: readonly NamedChart[], sink: FileSink): Promise<void> {
  await emitRenderedChartFiles(await renderChartFiles(charts), sink);
}

/** Write the chart files of `emitChartFiles` into `dir` (created if missing); for notebooks and tests. */
export async function writeChartFiles(charts: readonly NamedChart[], dir: string): Promise<ChartFiles[]> {
  await mkdir(dir, { recursive: true });
  await emitChartFiles(charts, (name, data) => writeFileAtomic(join(dir, name), data));
  return charts.map((c) => ({
    id: c.id,
    vl: join(dir, `${c.id}.vl.json`),
    svg: join(dir, `${c.id}.svg`),
    png: join(dir, `${c.id}.png`),
  }));
}
