import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { quoteQualified, substitute } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';
import type { IndexDefinition, IndexName } from '../methodology/schema.ts';
import { computeIndex, type IndexInput } from './computeIndex.ts';

/** Which index marts to recompute: the region marts, or the industry marts (slice = region/industry). */
export interface ComparedMarts {
  inputs: string;
  tables: Record<IndexName, string>;
  /** SQL expression naming a slice in both the inputs and the marts. */
  slice: string;
  /** Aggregate rows carry an enterprise count the engine does not compute (industry marts). */
  aggregateCounts: boolean;
  /** A query ($version) of the slices a version publishes, when not every slice of the inputs is published. */
  slicesOfVersion?: string;
}

export const REGION_MARTS: ComparedMarts = {
  inputs: 'mart.index_inputs',
  tables: { growth: 'mart.growth_index', vitality: 'mart.vitality_index' },
  slice: 'region_code',
  aggregateCounts: false,
};

/** The indices per 八大万亿产业 (methodology §8); a slice is region/industry, published per the version's levels. */
export const INDUSTRY_MARTS: ComparedMarts = {
  inputs: 'mart.index_inputs_by_industry',
  tables: { growth: 'mart.growth_index_by_industry', vitality: 'mart.vitality_index_by_industry' },
  slice: "region_code || '/' || priority_industry",
  aggregateCounts: true,
  slicesOfVersion: 'queries/engine/industry_slices_of_version.sql',
};

export interface EngineComparison {
  /** Rows compared (every row of the marts, every version and index). */
  rows: number;
  /** Largest |SQL − engine| over the values both have. */
  maxAbsDiff: number;
  /** Rows that differ beyond `tolerance`, or exist on one side only, e.g. "v1 growth 2020 330502 module A: …". */
  mismatches: string[];
}

const versionRow = z.object({ methodology_version: z.string() });
const sliceRow = z.object({ slice: z.string() });
const metaRow = z.object({
  index_name: z.enum(['growth', 'vitality']),
  code: z.string(),
  level: z.enum(['module', 'indicator']),
  parent: z.string().nullable(),
  weight: z.number(),
  direction: z.union([z.literal(1), z.literal(-1)]).nullable(),
  variable: z.string().nullable(),
  base_year: z.number(),
});
const inputRow = z.object({
  slice: z.string(),
  year: z.number(),
  variable: z.string(),
  value: z.number().nullable(),
  n_enterprises: z.number().nullable(),
});
const martRow = z.object({
  methodology_version: z.string(),
  year: z.number(),
  slice: z.string(),
  level: z.string(),
  code: z.string(),
  raw_value: z.number().nullable(),
  value: z.number().nullable(),
  dropped_reason: z.string().nullable(),
  n_enterprises: z.number().nullable(),
});

/**
 * The inputs X of the indices as the engine takes them (region_code = the slice: the region, or region/industry),
 * read from the same table the SQL models read.
 */
export async function readIndexInputs(
  con: DuckDBConnection,
  marts: ComparedMarts = REGION_MARTS,
): Promise<IndexInput[]> {
  const inputs = await readRows(
    con,
    inputRow,
    substitute(readSql('queries/engine/index_inputs.sql'), {
      inputs: quoteQualified(marts.inputs),
      slice: marts.slice,
    }),
  );
  return inputs.map(({ slice, ...i }) => ({ ...i, region_code: slice }));
}

/**
 * Recomputes the index marts with the TypeScript engine (`computeIndex`, the oracle) from the same inputs and
 * methodology tables the SQL models read, and compares every row: keys, raw_value, value (to `tolerance`),
 * dropped_reason and n_enterprises. Read-only.
 */
export async function compareWithEngine(
  con: DuckDBConnection,
  marts: ComparedMarts = REGION_MARTS,
  tolerance = 1e-12,
): Promise<EngineComparison> {
  const versions = await readRows(
    con,
    versionRow,
    'select methodology_version from mart.methodology order by 1',
  );
  const allInputs = await readIndexInputs(con, marts);
  const out: EngineComparison = { rows: 0, maxAbsDiff: 0, mismatches: [] };
  for (const { methodology_version: version } of versions) {
    const meta = await readRows(con, metaRow, readSql('queries/engine/index_meta.sql'), { version });
    const published = marts.slicesOfVersion
      ? new Set(
          (await readRows(con, sliceRow, readSql(marts.slicesOfVersion), { version })).map((r) => r.slice),
        )
      : undefined;
    const engineInputs = published ? allInputs.filter((i) => published.has(i.region_code)) : allInputs;
    for (const index of ['growth', 'vitality'] as const) {
      const expected = computeIndex(definitionOf(meta, index), engineInputs, meta[0].base_year, version);
      const actual = await readRows(
        con,
        martRow,
        substitute(readSql('queries/engine/index_values.sql'), {
          table: quoteQualified(marts.tables[index]),
          slice: marts.slice,
        }),
      );
      const key = (r: { year: number; level: string; code: string }, slice: string) =>
        `${version} ${index} ${r.year} ${slice} ${r.level} ${r.code}`;
      const byKey = new Map(
        actual.filter((r) => r.methodology_version === version).map((r) => [key(r, r.slice), r]),
      );
      for (const e of expected) {
        const k = key(e, e.region_code);
        const a = byKey.get(k);
        byKey.delete(k);
        out.rows++;
        if (!a) {
          out.mismatches.push(`${k}: only the engine has it`);
          continue;
        }
        const problems: string[] = [];
        if (e.value !== null && a.value !== null) {
          const d = Math.abs(e.value - a.value);
          out.maxAbsDiff = Math.max(out.maxAbsDiff, d);
          if (d > tolerance) problems.push(`value ${a.value} ≠ ${e.value}`);
        } else if (e.value !== a.value) problems.push(`value ${a.value} ≠ ${e.value}`);
        if (e.raw_value !== a.raw_value) problems.push(`raw_value ${a.raw_value} ≠ ${e.raw_value}`);
        if (e.dropped_reason !== a.dropped_reason && !isSliceReason(a.dropped_reason, e.dropped_reason)) {
          problems.push(`dropped_reason ${a.dropped_reason} ≠ ${e.dropped_reason}`);
        }
        const countCompared = e.level === 'indicator' || !marts.aggregateCounts;
        if (countCompared && e.n_enterprises !== a.n_enterprises) {
          problems.push(`n_enterprises ${a.n_enterprises} ≠ ${e.n_enterprises}`);
        }
        if (problems.length > 0) out.mismatches.push(`${k}: ${problems.join('; ')}`);
      }
      for (const k of byKey.keys()) out.mismatches.push(`${k}: only SQL has it`);
    }
  }
  return out;
}

/**
 * An industry slice drops an indicator that is undefined there (methodology §8) with its own reason; the engine,
 * given no value, says value_missing or base_missing.
 */
function isSliceReason(sql: string | null, engine: string | null): boolean {
  return (
    (sql === 'region_level_only' || sql === 'constant_within_industry') &&
    (engine === 'value_missing' || engine === 'base_missing')
  );
}

/** The index tree of one version as the methodology file had it, rebuilt from mart.index_meta. */
function definitionOf(meta: z.output<typeof metaRow>[], index: IndexName): IndexDefinition {
  const rows = meta.filter((m) => m.index_name === index);
  return {
    name_zh: index,
    name_en: index,
    modules: rows
      .filter((m) => m.level === 'module')
      .map((mod) => ({
        code: mod.code,
        name_zh: mod.code,
        name_en: mod.code,
        weight: mod.weight,
        indicators: rows
          .filter((i) => i.level === 'indicator' && i.parent === mod.code)
          .map((i) => ({
            code: i.code,
            name_zh: i.code,
            name_en: i.code,
            variable: i.variable ?? '',
            direction: i.direction ?? 1,
            weight: i.weight,
          })),
      })),
  };
}
