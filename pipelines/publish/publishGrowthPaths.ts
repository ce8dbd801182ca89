import {
  flowKey,
  flowRateKey,
  highGrowthKey,
  reconciliationKey,
  stageKey,
  upgradeTimeKey,
} from './growthPathCells.ts';
import type {
  GrowthFlow,
  GrowthPathMarts,
  GrowthStage,
  HighGrowth,
  Reconciliation,
  UpgradeTime,
} from './growthPathMarts.ts';
import type { Disclosure, Withheld } from './suppressCells.ts';

/** A mart row as outputs receive it: each listed field null when withheld, `withheld` naming why. */
export type Published<T, F extends keyof T> = Omit<T, F> & { [K in F]: T[K] | null } & {
  withheld: Partial<Record<F, Withheld>>;
};

export type PublishedStage = Published<GrowthStage, 'enterprises'>;
export type PublishedFlow = Published<Omit<GrowthFlow, 'base_enterprises'>, 'enterprises' | 'rate'>;
export type PublishedUpgradeTime = Published<UpgradeTime, 'n' | 'p25' | 'median' | 'p75'>;
/** `flagged` is null whenever the difference is withheld (the flag would say something about it). */
export type PublishedReconciliation = Published<
  Reconciliation,
  'registry_value' | 'reported_value' | 'difference' | 'ratio' | 'flagged'
>;
export type PublishedHighGrowth = Published<
  HighGrowth,
  'base_population' | 'hge' | 'gazelles' | 'share' | 'jobs_created'
>;

export interface PublishedGrowthPaths {
  stages: PublishedStage[];
  flows: PublishedFlow[];
  upgradeTimes: PublishedUpgradeTime[];
  reconciliation: PublishedReconciliation[];
  highGrowth: PublishedHighGrowth[];
}

/** Applies the layer's decisions to one row: `fields` maps each published field to its cell key. */
function apply<T, F extends keyof T>(d: Disclosure, row: T, fields: Record<F, string>): Published<T, F> {
  const out = { ...row, withheld: {} } as Published<T, F>;
  for (const f of Object.keys(fields) as F[]) {
    const w = d.withheld(fields[f]);
    if (w) {
      (out as Record<F, unknown>)[f] = null;
      out.withheld[f] = w;
    }
  }
  return out;
}

/** The growth-path marts with the layer's decisions applied (withheld values null), all years and versions. */
export function publishGrowthPaths(m: GrowthPathMarts, d: Disclosure): PublishedGrowthPaths {
  return {
    stages: m.stages.map((s) => apply(d, s, { enterprises: stageKey(s.region_code, s.year, s.stage) })),
    flows: m.flows.map(({ base_enterprises: _base, ...f }) =>
      apply(d, f, {
        enterprises: flowKey(f.region_code, f.year, f.flow, f.board),
        rate: flowRateKey(f.region_code, f.year, f.flow, f.board),
      }),
    ),
    upgradeTimes: m.upgradeTimes.map((t) =>
      apply(d, t, {
        n: upgradeTimeKey(t.region_code, t.year, 'n'),
        p25: upgradeTimeKey(t.region_code, t.year, 'p25'),
        median: upgradeTimeKey(t.region_code, t.year, 'median'),
        p75: upgradeTimeKey(t.region_code, t.year, 'p75'),
      }),
    ),
    reconciliation: m.reconciliation.map((r) => {
      const k = (f: string) =>
        reconciliationKey(r.methodology_version, r.region_code, r.year, r.indicator_no, f);
      return apply(d, r, {
        registry_value: k('registry'),
        reported_value: k('reported'),
        difference: k('difference'),
        ratio: k('ratio'),
        flagged: k('difference'),
      });
    }),
    highGrowth: m.highGrowth.map((h) => {
      const k = (f: string) => highGrowthKey(h.methodology_version, h.region_code, h.year, h.measure, f);
      return apply(d, h, {
        base_population: highGrowthKey(h.methodology_version, h.region_code, h.year, '-', 'base'),
        hge: k('hge'),
        gazelles: k('gazelles'),
        share: k('share'),
        jobs_created: k('jobs'),
      });
    }),
  };
}
