import type { ChartRegion } from '../charts/chartData.ts';
import { demographyKey } from './cellKeys.ts';
import type { GrowthFlow, GrowthPathMarts } from './growthPathMarts.ts';
import type { Contribution } from './publishMartData.ts';
import { type Relation, type StatCell, SUPPRESSION_TIERS } from './statCell.ts';

// Keys of the growth-path cells (methodology §9): stable, like cellKeys.ts.
/** A stage stock: 'gs|330502|2020|P3'. */
export const stageKey = (region: string, year: number, stage: string) => `gs|${region}|${year}|${stage}`;
/** A flow count: 'gf|330502|2020|挂牌上市|新三板' (board '-' for the other flows). */
export const flowKey = (region: string, year: number, flow: string, board: string | null) =>
  `gf|${region}|${year}|${flow}|${board ?? '-'}`;
/** A flow rate over the stage it leaves. */
export const flowRateKey = (region: string, year: number, flow: string, board: string | null) =>
  `gr|${region}|${year}|${flow}|${board ?? '-'}`;
/** Time to 小升规: 'gt|330502|2020|median' (n, p25, median, p75). */
export const upgradeTimeKey = (region: string, year: number, stat: string) => `gt|${region}|${year}|${stat}`;
/** Reconciliation: 'gc|v1|330502|2020|7|registry' (registry, reported, difference, ratio). */
export const reconciliationKey = (version: string, region: string, year: number, no: number, field: string) =>
  `gc|${version}|${region}|${year}|${no}|${field}`;
/** High growth: 'gh|v1|330502|2020|employment|hge'; the population is one cell for both measures ('-|base'). */
export const highGrowthKey = (
  version: string,
  region: string,
  year: number,
  measure: string,
  field: string,
) => `gh|${version}|${region}|${year}|${measure}|${field}`;

const BASE = '-';
/** Plan reports are the departments' own published figures: withheld only if nothing else protects a cell. */
const PLAN_TIER = SUPPRESSION_TIERS.total + SUPPRESSION_TIERS.cityBonus + 1;

interface Ctx {
  city: string | undefined;
  counties: string[];
  cells: StatCell[];
  relations: Relation[];
}

function count(ctx: Ctx, key: string, region: string, value: number | null, tier: number): void {
  const bonus = region === ctx.city ? SUPPRESSION_TIERS.cityBonus : 0;
  ctx.cells.push({
    key,
    value,
    builtFrom: { kind: 'enterprises', counts: [value ?? 0] },
    tier: tier + bonus,
    size: value ?? 0,
  });
}

function builtFrom(
  ctx: Ctx,
  key: string,
  region: string,
  value: number | null,
  counts: number[],
  tier: number,
): void {
  const bonus = region === ctx.city ? SUPPRESSION_TIERS.cityBonus : 0;
  ctx.cells.push({
    key,
    value,
    builtFrom: { kind: 'enterprises', counts },
    tier: tier + bonus,
    size: Math.max(0, ...counts),
  });
}

/** city = Σ counties (+ firms registered at city level, taken as known to the reader, the cautious assumption). */
function citySum<T extends { region_code: string }>(
  ctx: Ctx,
  id: string,
  rows: T[],
  key: (r: T) => string,
  part: (r: T) => number,
): void {
  const city = rows.find((r) => r.region_code === ctx.city);
  const parts = rows.filter((r) => ctx.counties.includes(r.region_code));
  if (!city || parts.length === 0) return;
  const members = [city, ...parts];
  ctx.relations.push({ id, kind: 'sum', members: members.map(key), parts: members.map(part) });
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function flowCells(ctx: Ctx, m: GrowthPathMarts, stageKeys: Set<string>): void {
  for (const f of m.flows) {
    const k = flowKey(f.region_code, f.year, f.flow, f.board);
    count(ctx, k, f.region_code, f.enterprises, SUPPRESSION_TIERS.count);
    const base = stageKey(f.region_code, f.year - 1, f.stage_from);
    const rk = flowRateKey(f.region_code, f.year, f.flow, f.board);
    builtFrom(
      ctx,
      rk,
      f.region_code,
      f.rate,
      [f.enterprises ?? 0, f.base_enterprises ?? 0],
      SUPPRESSION_TIERS.rate,
    );
    if (stageKeys.has(base))
      ctx.relations.push({ id: `g-rate|${rk}`, kind: 'ratio', members: [rk, k, base] });
    // 个转企 and 小升规 are mart.business_demography's conversions and upgrades: one value printed twice.
    const same = f.flow === '个转企' ? 'conversions' : f.flow === '小升规' ? 'upgrades' : null;
    if (same)
      ctx.relations.push({
        id: `g-same|${k}`,
        kind: 'ratio',
        members: [k, demographyKey(f.region_code, f.year, same)],
      });
  }
  for (const [id, rows] of groupBy(m.flows, (f) => `${f.year}|${f.flow}|${f.board ?? '-'}`))
    citySum(
      ctx,
      `g-sum|flow|${id}`,
      rows,
      (f: GrowthFlow) => flowKey(f.region_code, f.year, f.flow, f.board),
      (f) => f.enterprises ?? 0,
    );
}

/**
 * Cells and relations of the growth-path marts for the publication layer: stage stocks and flows (city = Σ
 * counties; P1 = demography's active, 个转企/小升规 = its conversions/upgrades; a rate beside its flow and the
 * stock it divides by), time to 小升规 (n = the 小升规 count; quartiles of fewer than the minimum are withheld),
 * the reconciliation (registry counts tied to the flows; difference and ratio beside registry and report) and
 * high growth (city = Σ counties; share = hge / population; gazelles and the other high-growth firms add up to
 * hge, so neither part can be read off when small).
 */
export function growthPathContribution(m: GrowthPathMarts, regions: readonly ChartRegion[]): Contribution {
  const ctx: Ctx = {
    city: regions.find((r) => r.level === 'city')?.region_code,
    counties: regions.filter((r) => r.level === 'county').map((r) => r.region_code),
    cells: [],
    relations: [],
  };
  for (const s of m.stages) {
    const k = stageKey(s.region_code, s.year, s.stage);
    count(ctx, k, s.region_code, s.enterprises, SUPPRESSION_TIERS.count);
    if (s.stage === 'P1')
      ctx.relations.push({
        id: `g-same|${k}`,
        kind: 'ratio',
        members: [k, demographyKey(s.region_code, s.year, 'active')],
      });
  }
  for (const [id, rows] of groupBy(m.stages, (s) => `${s.year}|${s.stage}`))
    citySum(
      ctx,
      `g-sum|stage|${id}`,
      rows,
      (s) => stageKey(s.region_code, s.year, s.stage),
      (s) => s.enterprises,
    );
  flowCells(ctx, m, new Set(ctx.cells.map((c) => c.key)));

  for (const t of m.upgradeTimes) {
    const n = upgradeTimeKey(t.region_code, t.year, 'n');
    count(ctx, n, t.region_code, t.n, SUPPRESSION_TIERS.count);
    for (const stat of ['p25', 'median', 'p75'] as const)
      builtFrom(
        ctx,
        upgradeTimeKey(t.region_code, t.year, stat),
        t.region_code,
        t[stat],
        [t.n],
        SUPPRESSION_TIERS.rate,
      );
    ctx.relations.push({
      id: `g-same|${n}`,
      kind: 'ratio',
      members: [n, flowKey(t.region_code, t.year, '小升规', null)],
    });
  }

  // A report can exist for a year the register does not cover (no flows then): tie only to flows that exist.
  const flowKeys = new Set(m.flows.map((f) => flowKey(f.region_code, f.year, f.flow, f.board)));
  for (const r of m.reconciliation) {
    const k = (field: string) =>
      reconciliationKey(r.methodology_version, r.region_code, r.year, r.indicator_no, field);
    const reg = r.registry_value;
    count(ctx, k('registry'), r.region_code, reg, SUPPRESSION_TIERS.count);
    ctx.cells.push({
      key: k('reported'),
      value: r.reported_value,
      builtFrom: { kind: 'plan' },
      tier: PLAN_TIER,
      size: r.reported_value ?? 0,
    });
    builtFrom(ctx, k('difference'), r.region_code, r.difference, [reg ?? 0], SUPPRESSION_TIERS.rate);
    builtFrom(ctx, k('ratio'), r.region_code, r.ratio, [reg ?? 0], SUPPRESSION_TIERS.rate);
    for (const derived of ['difference', 'ratio'])
      ctx.relations.push({
        id: `g-recon|${k(derived)}`,
        kind: 'ratio',
        members: [k(derived), k('registry'), k('reported')],
      });
    const flow = (f: string, board: string | null = null) => flowKey(r.region_code, r.year, f, board);
    const same = r.indicator_no === 4 ? flow('个转企') : r.indicator_no === 8 ? flow('规改股') : null;
    if (same && flowKeys.has(same))
      ctx.relations.push({ id: `g-same|${k('registry')}`, kind: 'ratio', members: [k('registry'), same] });
    if (r.indicator_no === 7) {
      const boards = m.flows.filter(
        (f) =>
          f.region_code === r.region_code &&
          f.year === r.year &&
          f.flow === '挂牌上市' &&
          (f.board === '新三板' || f.board === '浙江股权交易中心'),
      );
      if (boards.length > 0)
        ctx.relations.push({
          id: `g-sum|${k('registry')}`,
          kind: 'sum',
          members: [k('registry'), ...boards.map((f) => flow('挂牌上市', f.board))],
          parts: [reg ?? 0, ...boards.map((f) => f.enterprises ?? 0)],
        });
    }
  }
  for (const [id, rows] of groupBy(
    m.reconciliation.filter((r) => r.indicator_no === 6),
    (r) => `${r.methodology_version}|${r.year}`,
  ))
    citySum(
      ctx,
      `g-sum|recon6|${id}`,
      rows,
      (r) => reconciliationKey(r.methodology_version, r.region_code, r.year, 6, 'registry'),
      (r) => r.registry_value ?? 0,
    );

  const perUnit = groupBy(m.highGrowth, (h) => `${h.methodology_version}|${h.year}|${h.region_code}`);
  for (const rows of perUnit.values()) {
    const [first] = rows;
    const key = (measure: string, field: string) =>
      highGrowthKey(first.methodology_version, first.region_code, first.year, measure, field);
    count(ctx, key(BASE, 'base'), first.region_code, first.base_population, SUPPRESSION_TIERS.count);
    for (const h of rows) {
      const kk = (field: string) => key(h.measure, field);
      count(ctx, kk('hge'), h.region_code, h.hge, SUPPRESSION_TIERS.count);
      count(ctx, kk('gazelles'), h.region_code, h.gazelles, SUPPRESSION_TIERS.count);
      // Never printed: the high-growth firms that are not gazelles, so hge − gazelles cannot reveal a small count.
      count(ctx, kk('older'), h.region_code, h.hge - h.gazelles, SUPPRESSION_TIERS.indicator);
      builtFrom(ctx, kk('share'), h.region_code, h.share, [h.hge, h.base_population], SUPPRESSION_TIERS.rate);
      builtFrom(ctx, kk('jobs'), h.region_code, h.jobs_created, [h.hge], SUPPRESSION_TIERS.rate);
      ctx.relations.push(
        { id: `g-hg|${kk('share')}`, kind: 'ratio', members: [kk('share'), kk('hge'), key(BASE, 'base')] },
        {
          id: `g-hg|${kk('older')}`,
          kind: 'sum',
          members: [kk('hge'), kk('gazelles'), kk('older')],
          parts: [h.hge, h.gazelles, h.hge - h.gazelles],
        },
      );
    }
  }
  const hgGroups = groupBy(m.highGrowth, (h) => `${h.methodology_version}|${h.year}|${h.measure}`);
  for (const [id, rows] of hgGroups) {
    for (const field of ['hge', 'gazelles', 'older', 'jobs'] as const)
      citySum(
        ctx,
        `g-sum|hg|${id}|${field}`,
        rows,
        (h) => highGrowthKey(h.methodology_version, h.region_code, h.year, h.measure, field),
        (h) => (field === 'gazelles' ? h.gazelles : field === 'older' ? h.hge - h.gazelles : h.hge),
      );
    if (id.endsWith('|employment'))
      citySum(
        ctx,
        `g-sum|hg|${id}|base`,
        rows,
        (h) => highGrowthKey(h.methodology_version, h.region_code, h.year, BASE, 'base'),
        (h) => h.base_population,
      );
  }
  return { cells: ctx.cells, relations: ctx.relations };
}
