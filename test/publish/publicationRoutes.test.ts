import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, withConnection } from '../../pipelines/db/warehouse.ts';
import { ingestFiles } from '../../pipelines/ingest/ingestFiles.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { demographyKey, indexKey } from '../../pipelines/publish/cellKeys.ts';
import { parseCsv } from '../../pipelines/publish/csvCell.ts';
import { loadMartData } from '../../pipelines/publish/loadMartData.ts';
import type { MartData } from '../../pipelines/publish/martData.ts';
import { type Publication, publishMartData } from '../../pipelines/publish/publishMartData.ts';
import { writeAnnualReport } from '../../pipelines/report/writeAnnualReport.ts';
import { writeSite } from '../../pipelines/site/writeSite.ts';
import { buildGeneratedWarehouse } from '../e2e/generatedWarehouse.ts';
import { attack, presentKeys, readerEquations } from './differencingAttack.ts';
import { scanPublicTree } from './scanPublicTree.ts';

// Tiny generated data (seed 1, 2013–2024): counties of ~50 firms, so many cells rest on 1–2 enterprises.
let dir: string;
let mart: MartData;
let pub: Publication;
const out = () => join(dir, 'public');

/** The corrected "8631" report: 吴兴区 2019 Q4 indicator 3 (新设小微企业数量) re-reported as 0. */
let corrected: { original: number };

beforeAll(async () => {
  const built = await buildGeneratedWarehouse({ scale: 'tiny', seed: 1, from: 2013, to: 2024, dirty: 0 });
  dir = built.dir;
  try {
    const plan = parseCsv(readFileSync(join(dir, 'extracts', 'plan_2019.csv'), 'utf8'));
    const q4 = plan.find((r) => r[1] === '4' && r[2] === '330502' && r[3] === '3')!;
    corrected = { original: Number(q4[4]) };
    const file = join(dir, 'corrections', 'plan_2019_q4_corrected.csv');
    mkdirSync(join(dir, 'corrections'));
    writeFileSync(file, `${plan[0].join(',')}\n${[...q4.slice(0, 4), '0', q4[5]].join(',')}\n`);
    const later = () => new Date('2026-02-15T02:00:00Z');
    await ingestFiles(built.wh, [file], { now: later });
    await buildWarehouse(built.wh, { runId: 'e2e-corrected', now: later });
    mart = await withConnection(built.wh, loadMartData);
  } finally {
    built.wh.close();
  }
  pub = publishMartData(mart, 3);
  const dbPath = join(dir, 'w.duckdb');
  await writeAnnualReport({ dbPath, year: 2020, outDir: out() });
  await writeAnnualReport({ dbPath, year: 2020, countyCode: '330503', outDir: out() });
  await writeAnnualReport({ dbPath, year: 2014, outDir: out() });
  await writeSite({ dbPath, outDir: join(out(), 'site') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = () => new Map(mart.regions.map((r) => [r.name_zh, r.region_code]));
/** The true value of a count in the marts (the test's own reading, not the layer's). */
function trueCount(region: string, year: number, measure: string): number | null {
  const r = mart.demography.find((d) => d.region_code === region && d.year === year);
  return r ? (r[measure as keyof typeof r] as number | null) : null;
}
const small = (v: number | null) => v !== null && v > 0 && v < 3;
function csv(path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(out(), path), 'utf8'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
const COUNT_COLUMNS = {
  年末在营: 'active',
  新设: 'births',
  注销: 'deaths',
  个转企: 'conversions',
  小升规: 'upgrades',
};

describe('every public file of a small-data run', () => {
  it('passes the publication guard: no credit code, name, machine path, formula, small count or withheld value', async () => {
    const report = await scanPublicTree(out(), pub.disclosure, [dir]);
    expect(report.findings).toEqual([]);
    // 3 reports (HTML + 17 tables × 2 + 11 charts × 2 scanned) and the dashboard's pages, data and assets.
    expect(report.scanned).toBeGreaterThan(150);
  });

  it('prints no demography count of 1–2 firms in the report tables (city, county, by year)', () => {
    const withSmall = Object.entries(COUNT_COLUMNS).flatMap(([label, m]) =>
      csv('2020/tables/demography-regions.csv').flatMap((row) => {
        const v = trueCount(names().get(row.地区)!, 2020, m);
        return small(v) ? [{ label, row }] : [];
      }),
    );
    expect(withSmall.length).toBeGreaterThan(3); // the data do have such cells…
    for (const { label, row } of withSmall) expect(row[label]).toBe('—'); // …and none is printed.
    const byYear = csv('2020/tables/330503/demography-years.csv');
    let checked = 0;
    for (const row of byYear)
      for (const [label, m] of Object.entries(COUNT_COLUMNS))
        if (small(trueCount('330503', Number(row.年份), m))) {
          expect(row[label]).toBe('—');
          checked += 1;
        }
    expect(checked).toBeGreaterThan(3);
  });

  it('prints no dashboard card from 1–2 firms (year × page: new and active enterprises)', () => {
    let checked = 0;
    for (const r of mart.regions) {
      const file = r.level === 'city' ? 'data/city.js' : `data/county-${r.region_code}.js`;
      const text = readFileSync(join(out(), 'site', file), 'utf8');
      const page = JSON.parse(text.replace(/^window\.XIAOWEI_PAGE = /, '').replace(/;\s*$/, '')) as {
        years: { year: number; figures: { label: string; value: string }[] }[];
      };
      for (const y of page.years) {
        const births = y.figures.find((f) => f.label === '当年新设企业（家）')!;
        if (small(trueCount(r.region_code, y.year, 'births'))) {
          expect(births.value).toBe('—');
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('prints no raw value of a dropped indicator built from 1–2 firms in the methodology appendix', () => {
    const v = mart.versions[0];
    let checked = 0;
    for (const year of [2014, 2020]) {
      for (const row of csv(`${year}/tables/methodology-dropped.csv`)) {
        const index = row.指数.includes('成长') ? v.growth : v.vitality;
        const r = index.find(
          (x) =>
            x.year === year && x.region_code === names().get(row.地区) && row.指标.startsWith(`${x.code} `),
        );
        if (r && small(r.n_enterprises)) {
          expect(row.原始值).toBe('—');
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('differencing: no withheld cell can be worked out from the published values', () => {
  it('an attacker recovers nothing from the published values and their relations', () => {
    const d = pub.disclosure;
    const withheld = d.keys().filter((k) => d.withheld(k) !== null);
    const recovered = attack(readerEquations(mart, presentKeys(d)), withheld);
    expect([...recovered]).toEqual([]);
    expect(d.counts().primary).toBeGreaterThan(100);
    expect(d.counts().secondary).toBeGreaterThan(50);
  });

  it('the same attacker breaks primary suppression alone (so the test can fail)', () => {
    const d = pub.disclosure;
    const primary = d.keys().filter((k) => d.withheld(k) === 'primary');
    const recovered = attack(readerEquations(mart, presentKeys(d)), primary);
    expect(recovered.size).toBeGreaterThan(10);
  });

  it('city = counties: the withheld counties of a count never add up to 1–2 firms', () => {
    const d = pub.disclosure;
    const city = mart.regions.find((r) => r.level === 'city')!.region_code;
    const counties = mart.regions.filter((r) => r.level === 'county').map((r) => r.region_code);
    for (const year of new Set(mart.demography.map((r) => r.year)))
      for (const m of Object.values(COUNT_COLUMNS)) {
        if (d.withheld(demographyKey(city, year, m))) continue;
        const hidden = counties.filter((c) => d.withheld(demographyKey(c, year, m)));
        const sum = hidden.reduce((s, c) => s + (trueCount(c, year, m) ?? 0), 0);
        expect(small(sum), `${year} ${m}: ${hidden.join(',')} = ${sum}`).toBe(false);
      }
  });

  it('the index C3 beside the 小升规 counts it is a ratio of: never one of the three alone withheld', () => {
    const d = pub.disclosure;
    let seen = 0;
    for (const r of mart.versions[0].growth.filter(
      (x) => x.code === 'C3' && x.year > 2017 && x.value !== null,
    )) {
      const keys = [
        indexKey('v1', 'growth', r.region_code, r.year, 'C3'),
        demographyKey(r.region_code, r.year, 'upgrades'),
        demographyKey(r.region_code, 2017, 'upgrades'),
      ];
      const hidden = keys.filter((k) => d.withheld(k) !== null).length;
      expect(hidden, keys.join(' ')).not.toBe(1);
      if (hidden > 0) seen += 1;
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('revisions of published values (a corrected "8631" report)', () => {
  const revisions = () => csv('2020/tables/revisions.csv');

  it('records the corrected scorecard figures and shows them in the 2020 report, in Chinese, at printed precision', () => {
    const rows = revisions().filter((r) => r.地区 === '吴兴区' && r.时期 === '截至 2019-12-31');
    const actual = rows.find((r) => r.项目 === '“8631”计划 · 3 新设小微企业数量 · 累计完成');
    expect(actual).toBeDefined();
    // Cumulative since 2018: the 2019 figure drops by exactly the corrected Q4 value.
    const oldValue = Number(actual!.原值.replace(/,/g, ''));
    expect(oldValue - Number(actual!.新值.replace(/,/g, ''))).toBe(corrected.original);
    expect(rows.map((r) => r.项目)).toContain('“8631”计划 · 3 新设小微企业数量 · 得分');
    expect(rows.map((r) => r.项目)).toContain('“8631”计划 · 综合得分');
    // The 2020 period is cumulative too, so it is revised as well.
    expect(revisions().some((r) => r.地区 === '吴兴区' && r.时期 === '截至 2020-12-31')).toBe(true);
    for (const r of revisions()) {
      expect(r.项目).not.toMatch(/table_name|indicator:|[a-z]+_[a-z]+/);
      for (const v of [r.原值, r.新值])
        expect(v).toMatch(/^(—|…|[0-9,]+(\.[0-9]{1,2})?%?|正常|滞后|严重滞后)$/);
      expect(r.修订批次).toBe('e2e-corrected');
    }
  });

  it('lists no revision of a year the report does not cover', () => {
    expect(existsSync(join(out(), '2014', 'tables', 'revisions.csv'))).toBe(false);
    expect(readFileSync(join(out(), '2014', 'report-2014.html'), 'utf8')).not.toContain('数据修订');
  });

  it('shows the revisions on the dashboard page of the region, from the year they concern', () => {
    const page = JSON.parse(
      readFileSync(join(out(), 'site', 'data', 'county-330502.js'), 'utf8')
        .replace(/^window\.XIAOWEI_PAGE = /, '')
        .replace(/;\s*$/, ''),
    ) as { years: { year: number; revisions: { period: string; label: string }[] }[] };
    const of = (y: number) =>
      page.years.find((x) => x.year === y)!.revisions.map((r) => `${r.period} ${r.label}`);
    expect(of(2019)).toContain('截至 2019-12-31 “8631”计划 · 3 新设小微企业数量 · 累计完成');
    expect(of(2018)).toEqual([]);
    const html = readFileSync(join(out(), 'site', 'county-330502.html'), 'utf8');
    expect(html).toContain('数据修订');
  });

  it('stores every printed figure of the build, withheld ones as "—"', async () => {
    const { openWarehouse } = await import('../../pipelines/db/warehouse.ts');
    const wh = await openWarehouse(join(dir, 'w.duckdb'), { readOnly: true });
    try {
      const counts = await withConnection(wh, (con) =>
        readRows(
          con,
          z.object({ status: z.string(), n: z.number(), dashes: z.number() }),
          `select status, count(*)::integer as n, count(*) filter (where value_text = '—')::integer as dashes
           from mart.published_values group by status order by status`,
        ),
      );
      const withheld = counts.find((c) => c.status === 'withheld')!;
      expect(withheld.dashes).toBe(withheld.n);
      expect(withheld.n).toBeGreaterThan(pub.disclosure.counts().primary);
    } finally {
      wh.close();
    }
  });
});
