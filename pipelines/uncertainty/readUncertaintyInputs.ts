import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import type { UncertaintyParameters, UncertaintyTree } from './scenarioParameters.ts';

const SettingsRow = z.object({
  methodology_version: z.string(),
  draws: z.number().int(),
  seed: z.coerce.number().int(),
  weight_factor_min: z.number(),
  weight_factor_max: z.number(),
  geometric_probability: z.number(),
  exclusion_probability: z.number(),
});

const TreeRow = z.object({
  methodology_version: z.string(),
  index_name: z.string(),
  code: z.string(),
  level: z.enum(['module', 'indicator']),
  weight: z.number(),
});

const NominalRow = z.object({
  methodology_version: z.string(),
  index_name: z.string(),
  year: z.number().int(),
  region_code: z.string(),
  rank: z.number().int(),
});

const ValueRow = z.object({
  methodology_version: z.string(),
  index_name: z.string(),
  year: z.number().int(),
  region_code: z.string(),
  code: z.string(),
  value: z.number().nullable(),
});

/** One county-year of a ranking: its normalised indicator values in tree order, NaN where dropped. */
export interface RankingUnit {
  year: number;
  regionCode: string;
  values: Float64Array;
  /** ln of each value (NaN where dropped or ≤ 0), for the geometric mean. */
  logs: Float64Array;
  /** The published rank, 0 without one. */
  nominalRank: number;
}

export interface RankingInputs {
  version: string;
  indexName: string;
  settings: UncertaintyParameters;
  tree: UncertaintyTree;
  units: RankingUnit[];
}

/**
 * Every ranking of every methodology version in the warehouse, with its §11 settings
 * (mart.methodology_uncertainty), its tree and its counties' values (prepare_inputs.sql must have run).
 */
export async function readUncertaintyInputs(con: DuckDBConnection): Promise<RankingInputs[]> {
  const settings = await readRows(con, SettingsRow, readSql('statements/uncertainty/select_settings.sql'));
  const treeRows = await readRows(con, TreeRow, readSql('statements/uncertainty/select_trees.sql'));
  const valueRows = await readRows(con, ValueRow, readSql('statements/uncertainty/select_unit_values.sql'));
  const nominal = new Map(
    (await readRows(con, NominalRow, readSql('statements/uncertainty/select_nominal_ranks.sql'))).map((n) => [
      `${n.methodology_version}|${n.index_name}|${n.year}|${n.region_code}`,
      n.rank,
    ]),
  );
  const out: RankingInputs[] = [];
  for (const { methodology_version: version, ...s } of settings) {
    const indexNames = [
      ...new Set(treeRows.filter((t) => t.methodology_version === version).map((t) => t.index_name)),
    ];
    for (const indexName of indexNames) {
      const tree = flattenTree(
        treeRows.filter((t) => t.methodology_version === version && t.index_name === indexName),
      );
      const position = new Map(tree.indicators.map((x, i) => [x.code, i]));
      const units = new Map<string, RankingUnit>();
      for (const v of valueRows) {
        if (v.methodology_version !== version || v.index_name !== indexName) continue;
        const key = `${v.year}|${v.region_code}`;
        let unit = units.get(key);
        if (!unit) {
          unit = {
            year: v.year,
            regionCode: v.region_code,
            values: new Float64Array(tree.indicators.length).fill(Number.NaN),
            logs: new Float64Array(tree.indicators.length).fill(Number.NaN),
            nominalRank: nominal.get(`${version}|${indexName}|${v.year}|${v.region_code}`) ?? 0,
          };
          units.set(key, unit);
        }
        const i = position.get(v.code);
        if (i !== undefined && v.value !== null) {
          unit.values[i] = v.value;
          if (v.value > 0) unit.logs[i] = Math.log(v.value);
        }
      }
      out.push({ version, indexName, settings: s, tree, units: [...units.values()] });
    }
  }
  return out;
}

/** Rows in select_trees.sql order (each module followed by its indicators) → modules with index ranges. */
function flattenTree(rows: z.infer<typeof TreeRow>[]): UncertaintyTree {
  const tree: UncertaintyTree = { modules: [], indicators: [] };
  for (const r of rows) {
    if (r.level === 'module') {
      const at = tree.indicators.length;
      tree.modules.push({ code: r.code, weight: r.weight, first: at, end: at });
    } else {
      tree.indicators.push({ code: r.code, weight: r.weight });
      tree.modules[tree.modules.length - 1].end = tree.indicators.length;
    }
  }
  return tree;
}
