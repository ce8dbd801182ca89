import { baseYearIndexConfig, type EngineDataset, type EngineUnitRow, runEngine } from '../engine/index.ts';
import type { IndexRow } from '../marts/types.ts';
import type { IndexDefinition } from '../methodology/schema.ts';
import { indexDefinitionToIMeta, TOTAL_CODE } from './indexMeta.ts';

/** One input value X of an index: mart.index_inputs. */
export interface IndexInput {
  region_code: string;
  year: number;
  variable: string;
  value: number | null;
  n_enterprises: number | null;
}

/**
 * Computes one index (growth or vitality) for every region and year with the composite engine configured
 * as methodology §3: base-year ratio ×100, indicators dropped when X or its base is missing or ≤ 0, weights
 * renormalised over what remains, arithmetic means for modules and total. Pure.
 */
export function computeIndex(
  def: IndexDefinition,
  inputs: IndexInput[],
  baseYear: number,
  version: string,
): IndexRow[] {
  const meta = indexDefinitionToIMeta(def);
  const byKey = new Map<string, IndexInput>();
  for (const i of inputs) byKey.set(`${i.region_code}|${i.year}|${i.variable}`, i);
  const units = [...new Set(inputs.map((i) => `${i.region_code}|${i.year}`))].sort();
  const indicators = def.modules.flatMap((m) => m.indicators);
  const rows: EngineUnitRow[] = units.map((u) => {
    const [region, year] = u.split('|');
    const values: Record<string, number | null> = {};
    for (const ind of indicators) values[ind.code] = byKey.get(`${u}|${ind.variable}`)?.value ?? null;
    return { uCode: region, time: Number(year), groups: {}, denominators: {}, values };
  });
  const data: EngineDataset = { rows, panel: true };
  const result = runEngine(data, meta, baseYearIndexConfig(baseYear));
  const out: IndexRow[] = [];
  for (const r of result.rows) {
    const year = r.time as number;
    for (const mod of def.modules) {
      for (const ind of mod.indicators) {
        const input = byKey.get(`${r.uCode}|${year}|${ind.variable}`);
        out.push({
          methodology_version: version,
          year,
          region_code: r.uCode,
          level: 'indicator',
          code: ind.code,
          raw_value: input?.value ?? null,
          value: r.normalised[ind.code] ?? null,
          dropped_reason: r.normalised[ind.code] == null ? (r.dropped[ind.code] ?? 'value_missing') : null,
          n_enterprises: input?.n_enterprises ?? null,
        });
      }
      out.push(
        aggregateRow(
          version,
          year,
          r.uCode,
          'module',
          mod.code,
          r.aggregates[mod.code],
          r.aggregateDropped[mod.code],
        ),
      );
    }
    out.push(
      aggregateRow(
        version,
        year,
        r.uCode,
        'total',
        TOTAL_CODE,
        r.aggregates[TOTAL_CODE],
        r.aggregateDropped[TOTAL_CODE],
      ),
    );
  }
  return out;
}

function aggregateRow(
  version: string,
  year: number,
  region: string,
  level: 'module' | 'total',
  code: string,
  value: number | null | undefined,
  reason: string | undefined,
): IndexRow {
  return {
    methodology_version: version,
    year,
    region_code: region,
    level,
    code,
    raw_value: null,
    value: value ?? null,
    dropped_reason: value == null ? (reason ?? 'no_children') : null,
    n_enterprises: null,
  };
}
