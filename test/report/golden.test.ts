import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { namespaceSvgIds } from '../../pipelines/report/namespaceSvgIds.ts';
import { writeAnnualReport } from '../../pipelines/report/writeAnnualReport.ts';
import { buildFixtureWarehouse, removeFixtureWarehouses } from '../fixtures/report/fixtureWarehouse.ts';

afterAll(() => removeFixtureWarehouses());

const GOLDEN = join(import.meta.dirname, '..', 'fixtures', 'report', 'expected', 'report-2020.html');

/** The embedded font is 3 MB of base64; the golden keeps its SHA-256 instead, so a font change still shows. */
function normaliseFont(html: string): string {
  return html.replace(/data:font\/woff2;base64,([A-Za-z0-9+/=]+)/g, (_m, b64: string) => {
    return `data:font/woff2;sha256,${createHash('sha256').update(b64).digest('hex')}`;
  });
}

describe('annual report golden file (real charts)', () => {
  it('renders the fixture warehouse exactly as test/fixtures/report/expected/report-2020.html', async () => {
    const { dir, dbPath } = await buildFixtureWarehouse();
    const r = await writeAnnualReport({ dbPath, year: 2020, outDir: join(dir, 'out') });
    const html = normaliseFont(readFileSync(r.htmlPath, 'utf8'));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, html);
    // Regenerate only with `npm run golden` (UPDATE_GOLDEN=1), after reading the diff.
    expect(
      html === readFileSync(GOLDEN, 'utf8'),
      'report differs from the golden file; run `npm run golden` if intended',
    ).toBe(true);
    // Every chart of the report is inlined as SVG, with ids made unique per chart.
    const svgs = html.match(/<svg[\s>]/g) ?? [];
    expect(svgs.length).toBe(
      r.model.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart').length,
    );
    expect(svgs.length).toBeGreaterThanOrEqual(8);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes a <script> region name inside the chart SVGs too', async () => {
    const { dir, dbPath } = await buildFixtureWarehouse(
      `update ref.regions set name_zh = '<script>alert(1)</script>县' where region_code = '330522';`,
    );
    const r = await writeAnnualReport({ dbPath, year: 2020, outDir: join(dir, 'out') });
    const html = readFileSync(r.htmlPath, 'utf8');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('namespaceSvgIds', () => {
  it('prefixes ids and the url(#…) and href="#…" references to them, leaving other text alone', () => {
    const svg =
      '<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"><use href="#clip1"/><text>url(#x)</text></g></svg>';
    expect(namespaceSvgIds(svg, 'c-a')).toBe(
      '<svg><clipPath id="c-a-clip1"/><g clip-path="url(#c-a-clip1)"><use href="#c-a-clip1"/><text>url(#x)</text></g></svg>',
    );
  });
});
