import { amountCell, countCell, fractionPercentCell } from '../report/formatCell.ts';
import type { Cell } from '../report/reportModel.ts';
import {
  flowKey,
  flowRateKey,
  highGrowthKey,
  reconciliationKey,
  stageKey,
  upgradeTimeKey,
} from './growthPathCells.ts';
import type { GrowthPathMarts } from './growthPathMarts.ts';
import type { SnapshotRow } from './publishedSnapshot.ts';
import type { Disclosure } from './suppressCells.ts';

type Base = Omit<SnapshotRow, 'value' | 'value_text' | 'status' | 'topic' | 'period'>;

// Formats as the report's 培育库成长路径 section prints them (buildGrowthPathSection.ts).
const years = (v: number) => amountCell(v, 1);
const whole = (v: number) => amountCell(v, 0);
const ratio = (v: number) => amountCell(v, 2);

function figure(
  d: Disclosure,
  base: Base,
  v: number | null | undefined,
  format: (v: number) => Cell,
): SnapshotRow {
  const b = { ...base, topic: 'growth_path' as const, period: '' };
  if (v === null || v === undefined || !Number.isFinite(v))
    return { ...b, value: null, value_text: '…', status: 'missing' };
  const cell = format(v);
  const value = typeof cell.value === 'number' ? cell.value : null;
  return d.withheld(base.cell_key) !== null
    ? { ...b, value, value_text: '—', status: 'withheld' }
    : { ...b, value, value_text: cell.text, status: 'shown' };
}

/**
 * Every growth-path figure the outputs print (methodology §9: stages, flows and their rates, time to 小升规,
 * the reconciliation with the "8631" reports, high-growth enterprises), at the printed precision and as the
 * layer decided, so that late data changing one of them is a revision like any other published value. Pure.
 */
export function growthPathSnapshot(m: GrowthPathMarts, d: Disclosure): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  const at = (region_code: string, year: number, methodology_version = '') => ({
    region_code,
    year,
    methodology_version,
  });
  for (const s of m.stages)
    out.push(
      figure(
        d,
        {
          ...at(s.region_code, s.year),
          cell_key: stageKey(s.region_code, s.year, s.stage),
          measure: `stage:${s.stage}`,
        },
        s.enterprises,
        countCell,
      ),
    );
  for (const f of m.flows) {
    const flow = f.board ? `${f.flow}:${f.board}` : f.flow;
    const where = at(f.region_code, f.year);
    out.push(
      figure(
        d,
        { ...where, cell_key: flowKey(f.region_code, f.year, f.flow, f.board), measure: `flow:${flow}` },
        f.enterprises,
        countCell,
      ),
      figure(
        d,
        { ...where, cell_key: flowRateKey(f.region_code, f.year, f.flow, f.board), measure: `rate:${flow}` },
        f.rate,
        fractionPercentCell,
      ),
    );
  }
  for (const t of m.upgradeTimes)
    for (const [stat, v, format] of [
      ['n', t.n, countCell],
      ['p25', t.p25, years],
      ['median', t.median, years],
      ['p75', t.p75, years],
    ] as const)
      out.push(
        figure(
          d,
          {
            ...at(t.region_code, t.year),
            cell_key: upgradeTimeKey(t.region_code, t.year, stat),
            measure: `upgrade_time:${stat}`,
          },
          v,
          format,
        ),
      );
  for (const r of m.reconciliation)
    for (const [field, v, format] of [
      ['registry', r.registry_value, countCell],
      ['reported', r.reported_value, whole],
      ['difference', r.difference, whole],
      ['ratio', r.ratio, ratio],
    ] as const)
      out.push(
        figure(
          d,
          {
            ...at(r.region_code, r.year, r.methodology_version),
            cell_key: reconciliationKey(r.methodology_version, r.region_code, r.year, r.indicator_no, field),
            measure: `reconciliation:${r.indicator_no}:${field}`,
          },
          v,
          format,
        ),
      );
  const bases = new Set<string>();
  for (const h of m.highGrowth) {
    const where = at(h.region_code, h.year, h.methodology_version);
    const base = highGrowthKey(h.methodology_version, h.region_code, h.year, '-', 'base');
    if (!bases.has(base)) {
      bases.add(base);
      out.push(
        figure(d, { ...where, cell_key: base, measure: 'high_growth:base' }, h.base_population, countCell),
      );
    }
    for (const [field, v, format] of [
      ['hge', h.hge, countCell],
      ['gazelles', h.gazelles, countCell],
      ['share', h.share, fractionPercentCell],
      ['jobs', h.jobs_created, countCell],
    ] as const)
      out.push(
        figure(
          d,
          {
            ...where,
            cell_key: highGrowthKey(h.methodology_version, h.region_code, h.year, h.measure, field),
            measure: `high_growth:${h.measure}:${field}`,
          },
          v,
          format,
        ),
      );
  }
  return out;
}
