import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { industryIndexKey, industrySlice } from '../../pipelines/publish/cellKeys.ts';
import { scanPublicFiles } from '../../pipelines/publish/guard/scanPublicFiles.ts';
import {
  type IndustryIndexMarts,
  loadIndustryIndexMarts,
} from '../../pipelines/publish/industryIndexMarts.ts';
import type { FullPublication } from '../../pipelines/publish/loadPublication.ts';
import type { MartData } from '../../pipelines/publish/martData.ts';
import { listFiles } from '../../pipelines/publish/publicOutput.ts';
import { attack, presentKeys, readerEquations } from './differencingAttack.ts';
import { type TinyPublicRun, tinyPublicRun } from './tinyPublicRun.ts';

// Indices per 八大万亿产业 (methodology §8) through the publication layer on tiny generated data (seed 1,
// 2013–2020): a city of a few hundred firms, so several industries rest on 1–2 enterprises in some years.
let run: TinyPublicRun<IndustryIndexMarts>;
let dir: string;
let mart: MartData;
let industry: IndustryIndexMarts;
let pub: FullPublication;
const out = () => run.out;
const csv = (path: string) => run.csv(path);

beforeAll(async () => {
  run = await tinyPublicRun(async (con) => {
    const m = await loadIndustryIndexMarts(con);
    if (!m) throw new Error('the warehouse has no industry marts');
    return m;
  }, []);
  ({ dir, mart, pub, extra: industry } = run);
}, 300_000);
afterAll(() => run?.remove());

const total = (index: 'growth' | 'vitality', k: string, year: number) =>
  industry[index].find(
    (r) =>
      r.methodology_version === 'v1' &&
      r.region_code === '330500' &&
      r.priority_industry === k &&
      r.year === year &&
      r.level === 'total',
  );

describe('八大万亿产业 indices in the public outputs', () => {
  it('adds the section with the proxy note and the source tables, one row per industry', () => {
    const html = readFileSync(join(out(), '2020', 'report-2020.html'), 'utf8');
    expect(html).toContain('八大万亿产业指数');
    expect(html).toContain('未申报的企业按其国民经济行业代码');
    expect(html).toContain('mart.growth_index_by_industry');
    expect(csv('2020/tables/industry-indices.csv').map((r) => r.产业)).toEqual(industry.industries);
  });

  it('prints each industry total as the mart holds it (one decimal), and "—" exactly where the layer withholds it', () => {
    let dashes = 0;
    let shown = 0;
    for (const row of csv('2020/tables/industry-indices.csv')) {
      const cells = Object.values(row);
      // Columns: 产业, growth 2020, change, vitality 2020, change.
      for (const [i, index] of [
        [1, 'growth'],
        [3, 'vitality'],
      ] as const) {
        const withheld = pub.disclosure.withheld(
          industryIndexKey('v1', index, '330500', row.产业, 2020, 'total'),
        );
        if (cells[i] === '—') {
          dashes++;
          expect(withheld, `${row.产业} ${index}`).not.toBeNull();
        } else if (cells[i] === '') {
          // A missing value ("…" in the HTML, empty in the CSV): the mart holds none (no base-year value).
          expect(total(index, row.产业, 2020)?.value ?? null, `${row.产业} ${index}`).toBeNull();
        } else {
          shown++;
          expect(withheld, `${row.产业} ${index}`).toBeNull();
          expect(Number(cells[i]), `${row.产业} ${index}`).toBeCloseTo(
            total(index, row.产业, 2020)?.value ?? Number.NaN,
            1,
          );
        }
      }
    }
    expect(shown).toBeGreaterThan(3);
    // Industry slices of a tiny city (5–21 active firms each in 2020) rest on 1–2 firms in many cells (births,
    // new firms' taxpayers…): the layer withholds them, and the report's table shows some of it.
    expect(dashes).toBeGreaterThan(0);
    const withheld = pub.disclosure
      .keys()
      .filter((k) => k.includes('/') && pub.disclosure.withheld(k) !== null);
    expect(withheld.length).toBeGreaterThan(100);
  });

  it('gives the dashboard an industry selector (one chart per industry, picked in a drop-down) and passes the guard', async () => {
    expect(readFileSync(join(out(), 'site', 'index.html'), 'utf8')).toContain(
      'data-section="industry" data-chooser="产业"',
    );
    const data = readFileSync(join(out(), 'site', 'data', 'city.js'), 'utf8');
    const page = JSON.parse(data.replace(/^window\.[A-Z_]+ = /, '').replace(/;\s*$/, ''));
    const last = page.years.at(-1);
    expect(
      last.charts
        .filter((c: { section: string }) => c.section === 'industry')
        .map((c: { choice: string }) => c.choice),
    ).toEqual(industry.industries);
    const files = listFiles(out()).map((relPath) => ({ path: join(out(), relPath), relPath }));
    const report = await scanPublicFiles(files, {
      min: 3,
      withheldValues: pub.disclosure.withheldValues(),
      machinePaths: [dir],
    });
    expect(report.findings).toEqual([]);
  });
});

describe('differencing: no withheld industry index value can be worked out', () => {
  // What a reader can write for the industry tables: module and total = weighted means (published weights) per
  // industry slice, as for regions (readerEquations over the industry rows, the slice standing for the region).
  const equations = () =>
    readerEquations(
      {
        ...mart,
        demography: [],
        versions: mart.versions.map((v) => {
          const slice = (rows: typeof industry.growth) =>
            rows
              .filter((r) => r.methodology_version === v.version)
              .map(({ priority_industry, ...r }) => ({
                ...r,
                region_code: industrySlice(r.region_code, priority_industry),
              }));
          return { ...v, growth: slice(industry.growth), vitality: slice(industry.vitality) };
        }),
      },
      presentKeys(pub.disclosure),
    );

  it('an attacker with the weighted means of every industry slice recovers nothing', () => {
    const d = pub.disclosure;
    const withheld = d.keys().filter((k) => k.includes('/') && d.withheld(k) !== null);
    expect([...attack(equations(), withheld)]).toEqual([]);
  });

  it('the same attacker breaks primary suppression alone (so the test can fail)', () => {
    const d = pub.disclosure;
    const primary = d.keys().filter((k) => k.includes('/') && d.withheld(k) === 'primary');
    expect([...attack(equations(), primary)].length).toBeGreaterThan(0);
  });
});
