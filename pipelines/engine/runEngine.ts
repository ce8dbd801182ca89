import { aggregateTree } from './aggregateTree.ts';
import { denominate } from './denominate.ts';
import { type EngineConfig, type EngineConfigInput, parseEngineConfig } from './engineConfig.ts';
import { datasetToFrame, selectRows, timeSlices } from './frame.ts';
import { type ImputedCell, imputeGroupMean } from './imputeGroupMean.ts';
import { buildMetaTree } from './metaTree.ts';
import { normaliseFrame } from './normaliseFrame.ts';
import { type ScreenedUnit, screenUnits } from './screenUnits.ts';
import { type ColumnTreatment, treatColumn } from './treatOutliers.ts';
import type { Cell, DropReason, EngineDataset, Frame, IMetaRow, ReasonColumns } from './types.ts';

export interface EngineRowResult {
  uCode: string;
  time: number | null;
  /** Indicator values after denomination, imputation and outlier treatment. */
  treated: Record<string, Cell>;
  normalised: Record<string, Cell>;
  aggregates: Record<string, Cell>;
  /** Why a normalised indicator is missing (only for missing ones). */
  dropped: Record<string, DropReason>;
  /** Why an aggregate is missing (only for missing ones). */
  aggregateDropped: Record<string, DropReason>;
}

export interface TreatmentRecord extends ColumnTreatment {
  iCode: string;
  time: number | null;
  /** uCodes whose value the treatment changed (winsorised points, or every unit under log). */
  treatedUnits: string[];
}

export interface EngineResult {
  config: EngineConfig;
  panel: boolean;
  /** Indicator codes in iMeta order. */
  indicatorCodes: string[];
  /** Aggregate codes by level ascending, alphabetical within a level. */
  aggregateCodes: string[];
  /** One entry per kept unit(-time), sorted by uCode then time. */
  rows: EngineRowResult[];
  /** One record per indicator (per time slice) when treatment is on. */
  treatment: TreatmentRecord[];
  imputed: ImputedCell[];
  screenedOut: ScreenedUnit[];
  /** Columnar views of the same numbers (rows aligned with `rows`), for writers. */
  treatedFrame: Frame;
  normalisedFrame: Frame;
  aggregateColumns: Record<string, Cell[]>;
}

function checkInputs(data: EngineDataset, meta: readonly IMetaRow[], cfg: EngineConfig): void {
  const tree = buildMetaTree(meta);
  const seen = new Set<string>();
  for (const r of data.rows) {
    const key = `${r.uCode}\u0000${r.time}`;
    if (seen.has(key))
      throw new Error(`engine: duplicate unit ${r.uCode}${r.time === null ? '' : ` @ ${r.time}`}`);
    seen.add(key);
  }
  if (cfg.impute.method === 'group-mean') {
    const g = cfg.impute.group;
    if (!tree.groups.includes(g)) {
      const known = tree.groups.length > 0 ? tree.groups.join(', ') : '(none)';
      throw new Error(`engine: impute group ${g} is not a Group row of iMeta; Group columns: ${known}`);
    }
  }
  if (cfg.normalise.method === 'baseyear' && data.rows.some((r) => r.time === null)) {
    throw new Error('engine: base-year normalisation needs a Time value on every row');
  }
}

/**
 * Runs the composite-index engine: denominate → impute → screen → treat → normalise → aggregate,
 * each step optional per `config` (see engineConfig.ts: asemConfig, baseYearIndexConfig).
 * Pure: same inputs ⇒ same result. Throws on invalid config or inputs.
 */
export function runEngine(data: EngineDataset, meta: IMetaRow[], config: EngineConfigInput): EngineResult {
  const cfg = parseEngineConfig(config);
  checkInputs(data, meta, cfg);
  const tree = buildMetaTree(meta);
  const codes = tree.indicators.map((m) => m.iCode);
  const built = datasetToFrame(data, codes);
  let frame = built.frame;
  let rows = built.rows;
  let reasons: ReasonColumns = {};
  for (const c of codes) reasons[c] = frame.columns[c].map((v) => (v === null ? 'value_missing' : null));

  if (cfg.denominate) {
    ({ frame, reasons } = denominate(
      frame,
      rows.map((r) => r.denominators),
      tree.indicators,
      reasons,
    ));
  }
  let imputed: ImputedCell[] = [];
  if (cfg.impute.method === 'group-mean') {
    const group = cfg.impute.group;
    ({ frame, reasons, imputed } = imputeGroupMean(
      frame,
      rows.map((r) => r.groups[group] ?? null),
      timeSlices(frame.keys),
      reasons,
    ));
  }
  let screenedOut: ScreenedUnit[] = [];
  if (cfg.screen) {
    const s = screenUnits(frame, cfg.screen.threshold);
    screenedOut = s.removed;
    frame = selectRows(frame, s.keep);
    rows = s.keep.map((i) => rows[i]);
    const kept: ReasonColumns = {};
    for (const c of codes) kept[c] = s.keep.map((i) => reasons[c][i]);
    reasons = kept;
  }
  const slices = timeSlices(frame.keys);
  const treatment: TreatmentRecord[] = [];
  if (cfg.treat.method === 'winsor') {
    const opts = cfg.treat;
    const columns: Record<string, Cell[]> = {};
    for (const c of codes) {
      const out = [...frame.columns[c]];
      for (const idx of slices) {
        const r = treatColumn(
          idx.map((i) => frame.columns[c][i]),
          opts,
        );
        idx.forEach((i, j) => {
          out[i] = r.values[j];
        });
        const time = frame.keys[idx[0]].time;
        treatment.push({
          ...r.info,
          iCode: c,
          time,
          treatedUnits: r.info.changed.map((j) => frame.keys[idx[j]].uCode),
        });
      }
      columns[c] = out;
    }
    frame = { keys: frame.keys, columns };
  }
  const treatedFrame = frame;
  const norm = normaliseFrame(treatedFrame, tree.indicators, slices, cfg.normalise, reasons);
  const agg = aggregateTree(norm.frame.columns, frame.keys.length, tree, cfg.aggregate.method, cfg.weights);
  const aggCodes = tree.aggregates.map((a) => a.iCode);

  const resultRows: EngineRowResult[] = frame.keys.map((k, i) => {
    const row: EngineRowResult = {
      uCode: k.uCode,
      time: k.time,
      treated: {},
      normalised: {},
      aggregates: {},
      dropped: {},
      aggregateDropped: {},
    };
    for (const c of codes) {
      row.treated[c] = treatedFrame.columns[c][i];
      row.normalised[c] = norm.frame.columns[c][i];
      const why = norm.reasons[c][i];
      if (row.normalised[c] === null && why) row.dropped[c] = why;
    }
    for (const a of aggCodes) {
      row.aggregates[a] = agg.columns[a][i];
      const why = agg.reasons[a][i];
      if (why) row.aggregateDropped[a] = why;
    }
    return row;
  });
  return {
    config: cfg,
    // A caller's flag can only add panel-ness: two or more time points always need a Time column.
    panel: data.panel || new Set(frame.keys.map((k) => k.time)).size >= 2,
    indicatorCodes: codes,
    aggregateCodes: aggCodes,
    rows: resultRows,
    treatment,
    imputed,
    screenedOut,
    treatedFrame,
    normalisedFrame: norm.frame,
    aggregateColumns: agg.columns,
  };
}
