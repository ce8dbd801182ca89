// Server-side rendering of every report chart: SVG with the Chinese title, a 2× PNG drawn with the
// shipped font only, files written atomically and byte-identical across runs.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONT_FAMILY, fontFilePath, fontFilePaths } from '../../pipelines/charts/font.ts';
import { type ChartFiles, renderPng, renderSvg, writeChartFiles } from '../../pipelines/charts/render.ts';
import { buildReportCharts } from '../../pipelines/charts/reportCharts.ts';
import { fixtureChartData } from '../fixtures/chartData.ts';
import { decodePng, inkedPixels } from './png.ts';

const charts = buildReportCharts(fixtureChartData());

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('no svg size');
  return { width: Number(m[1]), height: Number(m[2]) };
}

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

describe('writeChartFiles over every report chart', () => {
  let dir: string;
  let files: ChartFiles[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xw-'));
    files = await writeChartFiles(charts, dir);
  });

  it('writes <id>.vl.json, <id>.svg and <id>.png for each chart and nothing else', () => {
    expect(files.map((f) => f.id)).toEqual(charts.map((c) => c.id));
    const expected = charts.flatMap((c) => [`${c.id}.png`, `${c.id}.svg`, `${c.id}.vl.json`]).sort();
    expect(readdirSync(dir).sort()).toEqual(expected);
    for (const f of files) for (const p of [f.vl, f.svg, f.png]) expect(statSync(p).size).toBeGreaterThan(0);
  });

  it('the .vl.json is the spec itself', () => {
    for (const [i, f] of files.entries())
      expect(JSON.parse(readFileSync(f.vl, 'utf8'))).toEqual(charts[i].spec);
  });

  it.each(charts.map((c, i) => [c.id, i] as const))(
    '%s: SVG has the Chinese title, PNG is 2× and inked',
    (_id, i) => {
      const svg = readFileSync(files[i].svg, 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(`>${escapeXml(charts[i].title)}</text>`);
      expect(svg).toContain(FONT_FAMILY);
      const png = decodePng(readFileSync(files[i].png));
      const size = svgSize(svg);
      expect(png.width).toBe(Math.round(size.width * 2));
      expect(png.height).toBe(Math.round(size.height * 2));
      expect(inkedPixels(png)).toBeGreaterThan(1000);
    },
  );

  it('a second run writes byte-identical files', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'xw-'));
    const again = await writeChartFiles(charts, dir2);
    for (const [i, f] of files.entries()) {
      for (const k of ['vl', 'svg', 'png'] as const) {
        expect(readFileSync(again[i][k]).equals(readFileSync(f[k])), `${f.id}.${k}`).toBe(true);
      }
    }
  });
});

describe('renderPng uses only the shipped font', () => {
  const textSvg = (text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/>` +
    `<text x="4" y="30" font-family="&quot;${FONT_FAMILY}&quot;, sans-serif" font-size="24" fill="#000">${text}</text></svg>`;

  it('the shipped regular and bold files exist and are small (GB2312 subset)', () => {
    for (const p of fontFilePaths()) {
      const size = statSync(p).size;
      expect(size).toBeGreaterThan(1_000_000);
      expect(size).toBeLessThan(4_000_000);
    }
    expect(statSync(fontFilePath('normal', 'woff2')).size).toBeLessThan(statSync(fontFilePath()).size);
  });

  it('draws Chinese (region names and 浔), and the .notdef box for characters outside the subset', () => {
    const drawn = decodePng(renderPng(textSvg('南浔区湖州市'), 1));
    expect(drawn.width).toBe(200);
    expect(inkedPixels(drawn)).toBeGreaterThan(300);
    // U+4DB4/U+4DB5 (CJK Extension A) are not in GB2312. A system CJK font would draw two different
    // glyphs; with only the shipped subset both are the same .notdef box, so the images are identical.
    const a = renderPng(textSvg('\u4db4'), 1);
    const b = renderPng(textSvg('\u4db5'), 1);
    expect(inkedPixels(decodePng(a))).toBeGreaterThan(0);
    expect(a.equals(b)).toBe(true);
  });
});

describe('renderSvg', () => {
  it('renders a chart with no data without throwing', async () => {
    const empty = buildReportCharts(
      fixtureChartData({ growth: [], vitality: [], demography: [], scorecard: [] }),
    );
    for (const c of empty) {
      const svg = await renderSvg(c.spec);
      expect(svg).toContain(escapeXml(c.title));
      expect(decodePng(renderPng(svg)).width).toBeGreaterThan(0);
    }
  });
});
