import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../db/sqlFile.ts';
import { parseCsv } from '../engine/parseCsv.ts';

/** The slices of data/reference the generator needs, read once. */
export interface GeneratorReference {
  /** Counties (level county) in file order: code, name. */
  counties: { code: string; nameZh: string }[];
  cityCode: string;
  /** Population by region code and year. */
  population: Map<string, Map<number, number>>;
  /** Division "01".."97" → section letter, SME size group, above-scale group and its revenue threshold (万元, 0 = none). */
  divisions: Map<
    string,
    { section: string; sizeGroup: number; aboveScaleGroup: string; aboveScaleMinWan: number }
  >;
  /** Division → proxy priority industry (UNCONFIRMED proxy). */
  priorityProxy: Map<string, string>;
  planIndicators: {
    no: number;
    nameZh: string;
    unit: string;
    kind: string;
    target2020: number;
    department: string;
  }[];
}

export const DEFAULT_REFERENCE_DIR = join(REPO_ROOT, 'data', 'reference');

function readTable(dir: string, name: string): Record<string, string>[] {
  const file = join(dir, name);
  const t = parseCsv(readFileSync(file, 'utf8'), file);
  return t.records.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.fields[i]])));
}

export function loadGeneratorReference(dir: string = DEFAULT_REFERENCE_DIR): GeneratorReference {
  const regions = readTable(dir, 'regions.csv');
  const city = regions.find((r) => r.level === 'city');
  if (!city) throw new Error(`${dir}/regions.csv: no city row`);
  const population = new Map<string, Map<number, number>>();
  for (const r of readTable(dir, 'population.csv')) {
    const m = population.get(r.region_code) ?? new Map<number, number>();
    m.set(Number(r.year), Number(r.population));
    population.set(r.region_code, m);
  }
  const aboveScale = new Map(
    readTable(dir, 'above_scale_thresholds.csv').map((r) => [r.above_scale_group, Number(r.revenue_min_wan)]),
  );
  const divisions = new Map(
    readTable(dir, 'gbt4754_divisions.csv').map((r) => [
      r.division,
      {
        section: r.section,
        sizeGroup: Number(r.size_group),
        aboveScaleGroup: r.above_scale_group,
        aboveScaleMinWan: aboveScale.get(r.above_scale_group) ?? 0,
      },
    ]),
  );
  return {
    counties: regions
      .filter((r) => r.level === 'county')
      .map((r) => ({ code: r.region_code, nameZh: r.name_zh })),
    cityCode: city.region_code,
    population,
    divisions,
    priorityProxy: new Map(
      readTable(dir, 'priority_industry_proxy.csv').map((r) => [r.division, r.priority_industry]),
    ),
    planIndicators: readTable(dir, 'plan_indicators.csv').map((r) => ({
      no: Number(r.indicator_no),
      nameZh: r.name_zh,
      unit: r.unit,
      kind: r.kind,
      target2020: Number(r.target_2020),
      department: r.department,
    })),
  };
}
