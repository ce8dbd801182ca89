import {
  amountCell,
  countCell,
  fractionPercentCell,
  indexCell,
  per100Cell,
  scoreCell,
} from '../report/formatCell.ts';
import { rankRegions } from '../report/rankRegions.ts';
import type { Cell } from '../report/reportModel.ts';
import { demographyKey, indexKey, industryIndexKey, rawValueKey } from './cellKeys.ts';
import type { DemographyMeasure } from './demographyCells.ts';
import { isDroppedWithRaw } from './indexCells.ts';
import type { IndustryIndexMarts } from './industryIndexMarts.ts';
import type { MartData } from './martData.ts';
import type { Disclosure } from './suppressCells.ts';

/** What a published figure is about; 'industry' = an index total per 八大万亿产业 (measure 'growth:时尚'). */
export const SNAPSHOT_TOPICS = [
  'demography',
  'growth',
  'vitality',
  'scorecard',
  'ranking',
  'industry',
  'growth_path',
] as const;

/** One published figure as a reader saw it: the text printed, and the value at that precision. */
export interface SnapshotRow {
  cell_key: string;
  /** '' for values that do not depend on the methodology (business demography). */
  methodology_version: string;
  topic: (typeof SNAPSHOT_TOPICS)[number];
  year: number;
  /** The scorecard's period end (ISO date); '' elsewhere. */
  period: string;
  region_code: string;
  /** 'births', 'C3', 'raw:C3', 'score:3', 'status:3', 'total_score', 'rank'… */
  measure: string;
  /** The value rounded as printed (kept for withheld cells too, never shown); null when missing or text. */
  value: number | null;
  /** What the outputs print: '12.3', '—' (withheld), '…' (missing), '正常'. */
  value_text: string;
  status: 'shown' | 'withheld' | 'missing';
}

/** Published demography measures and how they print (new_enterprises is not printed anywhere). */
const DEMOGRAPHY_FORMATS: [DemographyMeasure, (v: number) => Cell][] = [
  ['active', countCell],
  ['births', countCell],
  ['deaths', countCell],
  ['conversions', countCell],
  ['upgrades', countCell],
  ['birth_rate', per100Cell],
  ['death_rate', per100Cell],
  ['survival_1y', fractionPercentCell],
  ['survival_2y', fractionPercentCell],
  ['survival_3y', fractionPercentCell],
  ['opening_rate', fractionPercentCell],
  ['cohort_1y', countCell],
  ['cohort_2y', countCell],
  ['cohort_3y', countCell],
];

type Base = Omit<SnapshotRow, 'value' | 'value_text' | 'status'>;

function figure(base: Base, v: number | null, withheld: boolean, format: (v: number) => Cell): SnapshotRow {
  if (v === null || !Number.isFinite(v)) return { ...base, value: null, value_text: '…', status: 'missing' };
  const cell = format(v);
  const value = typeof cell.value === 'number' ? cell.value : null;
  return withheld
    ? { ...base, value, value_text: '—', status: 'withheld' }
    : { ...base, value, value_text: cell.text, status: 'shown' };
}

function text(base: Base, t: string | null): SnapshotRow {
  return t === null
    ? { ...base, value: null, value_text: '…', status: 'missing' }
    : { ...base, value: null, value_text: t, status: 'shown' };
}

/**
 * Every figure the public outputs print — demography, indices (and dropped indicators' raw values), the
 * "8631" scorecard and the county rankings — at the precision printed, as the layer decided to show it.
 * Comparing two snapshots gives the revisions of §6. Pure.
 */
export function publishedSnapshot(
  mart: MartData,
  d: Disclosure,
  industry: IndustryIndexMarts | null = null,
): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  for (const r of mart.demography)
    for (const [m, format] of DEMOGRAPHY_FORMATS) {
      const key = demographyKey(r.region_code, r.year, m);
      const base = {
        cell_key: key,
        methodology_version: '',
        topic: 'demography' as const,
        year: r.year,
        period: '',
      };
      out.push(
        figure({ ...base, region_code: r.region_code, measure: m }, r[m], d.withheld(key) !== null, format),
      );
    }
  const counties = new Set(mart.regions.filter((r) => r.level === 'county').map((r) => r.region_code));
  for (const v of mart.versions)
    for (const index of ['growth', 'vitality'] as const) {
      for (const r of v[index]) {
        const key = indexKey(v.version, index, r.region_code, r.year, r.code);
        const base = {
          methodology_version: v.version,
          topic: index,
          year: r.year,
          period: '',
          region_code: r.region_code,
        };
        out.push(
          figure({ ...base, cell_key: key, measure: r.code }, r.value, d.withheld(key) !== null, indexCell),
        );
        if (isDroppedWithRaw(r)) {
          const raw = rawValueKey(v.version, index, r.region_code, r.year, r.code);
          const format = (x: number) => amountCell(x, 4);
          out.push(
            figure(
              { ...base, cell_key: raw, measure: `raw:${r.code}` },
              r.raw_value,
              d.withheld(raw) !== null,
              format,
            ),
          );
        }
      }
      // County ranks on the total, taken among the published totals (ties share the better rank).
      for (const year of [...new Set(v[index].map((r) => r.year))]) {
        const totals = v[index].filter(
          (r) => r.year === year && r.level === 'total' && counties.has(r.region_code),
        );
        const shown = (r: (typeof totals)[number]) =>
          d.withheld(indexKey(v.version, index, r.region_code, year, 'total')) === null ? r.value : null;
        const ranks = rankRegions(totals.map((r) => ({ code: r.region_code, value: shown(r) })));
        for (const r of totals) {
          const withheld = d.withheld(indexKey(v.version, index, r.region_code, year, 'total')) !== null;
          const base = {
            cell_key: `r|${v.version}|${index}|${r.region_code}|${year}`,
            methodology_version: v.version,
            topic: 'ranking' as const,
            year,
            period: '',
            region_code: r.region_code,
            measure: `rank:${index}`,
          };
          // A county whose total is withheld has no published rank.
          out.push(
            withheld
              ? { ...base, value: null, value_text: '—', status: 'withheld' }
              : figure(base, ranks.get(r.region_code) ?? null, false, countCell),
          );
        }
      }
    }
  if (industry) out.push(...industrySnapshot(mart, d, industry));
  out.push(...scorecardSnapshot(mart));
  return out.sort((a, b) => (a.cell_key < b.cell_key ? -1 : a.cell_key > b.cell_key ? 1 : 0));
}

/** The industry totals the report's 八大万亿产业 table and the dashboard print, per version, region and year. */
function industrySnapshot(mart: MartData, d: Disclosure, industry: IndustryIndexMarts): SnapshotRow[] {
  const versions = new Set(mart.versions.map((v) => v.version));
  return (['growth', 'vitality'] as const).flatMap((index) =>
    industry[index]
      .filter((r) => r.level === 'total' && versions.has(r.methodology_version))
      .map((r) => {
        const key = industryIndexKey(
          r.methodology_version,
          index,
          r.region_code,
          r.priority_industry,
          r.year,
          'total',
        );
        const base = {
          cell_key: key,
          methodology_version: r.methodology_version,
          topic: 'industry' as const,
          year: r.year,
          period: '',
          region_code: r.region_code,
          measure: `${index}:${r.priority_industry}`,
        };
        return figure(base, r.value, d.withheld(key) !== null, indexCell);
      }),
  );
}

/** The scorecard is plan data (no enterprise count): every figure is shown as reported. */
function scorecardSnapshot(mart: MartData): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  const seen = new Set<string>();
  for (const r of mart.scorecard) {
    const k = `s|${r.methodology_version}|${r.period_end}|${r.region_code}`;
    const base = {
      methodology_version: r.methodology_version,
      topic: 'scorecard' as const,
      year: Number(r.period_end.slice(0, 4)),
      period: r.period_end,
      region_code: r.region_code,
    };
    const no = r.indicator_no;
    out.push(
      figure({ ...base, cell_key: `${k}|${no}|actual`, measure: `actual:${no}` }, r.actual, false, (v) =>
        amountCell(v),
      ),
      figure(
        { ...base, cell_key: `${k}|${no}|completion`, measure: `completion:${no}` },
        r.completion,
        false,
        fractionPercentCell,
      ),
      figure({ ...base, cell_key: `${k}|${no}|score`, measure: `score:${no}` }, r.score, false, scoreCell),
      text({ ...base, cell_key: `${k}|${no}|status`, measure: `status:${no}` }, r.status),
    );
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(
      figure(
        { ...base, cell_key: `${k}|total_score`, measure: 'total_score' },
        r.total_score,
        false,
        scoreCell,
      ),
      figure({ ...base, cell_key: `${k}|rank`, measure: 'rank' }, r.rank, false, countCell),
    );
  }
  return out;
}
