import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  chart,
  chartTitle,
  retitle,
  sideBySide,
  VEGA_LITE_V5_MIME,
  VEGA_LITE_V5_SCHEMA,
  vegaLiteV5,
} from '../../notebooks/lib/chartBundle.ts';
import { VEGA_LITE_SCHEMA } from '../../pipelines/charts/common.ts';

const spec = {
  $schema: VEGA_LITE_SCHEMA,
  title: { text: '标题', subtitle: ['注：1 个数值未予显示。'] },
  config: { padding: 10 },
  usermeta: { suppressedCells: 1 },
  data: { values: [{ a: 1, b: 2 }] },
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
} as TopLevelSpec;

describe('chart output', () => {
  it('relabels only $schema for the v5 MIME type', () => {
    const v5: Record<string, unknown> = { ...vegaLiteV5(spec) };
    expect(v5.$schema).toBe(VEGA_LITE_V5_SCHEMA);
    expect({ ...v5, $schema: VEGA_LITE_SCHEMA }).toEqual(spec);
    expect((spec as { $schema?: string }).$schema).toBe(VEGA_LITE_SCHEMA); // the builder's spec is not mutated
  });

  it('bundles Vega-Lite v5, an SVG rendered by the project renderer, and the title as text', async () => {
    const bundle = await chart(spec).bundle();
    expect(Object.keys(bundle).sort()).toEqual([VEGA_LITE_V5_MIME, 'image/svg+xml', 'text/plain'].sort());
    expect(String(bundle['image/svg+xml'])).toMatch(/^<svg/);
    expect(bundle['text/plain']).toBe('[chart] 标题');
    expect(Object.keys(await chart(spec, { svgOnly: true }).bundle())).not.toContain(VEGA_LITE_V5_MIME);
  });

  it('retitles a chart but keeps its footnote subtitle', () => {
    expect(chartTitle(retitle(spec, '新标题'))).toBe('新标题');
    expect((retitle(spec, '新标题') as { title: unknown }).title).toEqual({
      text: '新标题',
      subtitle: ['注：1 个数值未予显示。'],
    });
  });

  it('puts charts side by side with the top-level-only properties hoisted once', async () => {
    const both = sideBySide([spec, spec], '对比');
    // The composed spec read as plain JSON, the shape a notebook front end receives.
    const json = z
      .object({ hconcat: z.array(z.record(z.string(), z.unknown())) })
      .catchall(z.unknown())
      .parse(JSON.parse(JSON.stringify(both)));
    expect(json.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(json.config).toEqual({ padding: 10 });
    expect(json.title).toBe('对比');
    expect(json.hconcat).toHaveLength(2);
    for (const inner of json.hconcat) {
      expect(inner.$schema).toBeUndefined();
      expect(inner.config).toBeUndefined();
      expect(inner.usermeta).toBeUndefined();
      expect(inner.mark).toBe('bar');
    }
    expect(json.resolve).toBeUndefined();
    expect(sideBySide([spec, spec], undefined, { shared: ['x'] }).resolve).toEqual({
      scale: { x: 'shared' },
    });
    // it must still compile and render
    expect(String((await chart(both).bundle())['image/svg+xml'])).toMatch(/^<svg/);
    expect(() => sideBySide([{ ...spec, params: [{ name: 'p', value: 1 }] }, spec])).toThrow(/params/);
  });
});
