import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import { quoteIdent, quoteQualified, substitute } from '../db/sqlTemplate.ts';
import { ASIDE_SUFFIX } from './buildAside.ts';
import type { Model } from './modelFile.ts';
import { renameRelations } from './renameRelations.ts';
import { checkModel, type ModelRunResult } from './runModels.ts';

/**
 * How a yearly build updates one firm-year model instead of rebuilding it (files of sql/statements/incremental/).
 * `recompute` selects, from `{{relation}}`, the rows the added data changes, by the model's key columns alone
 * (test/models/incrementalChecks.test.ts holds it to that): applied to the live table it names the rows to delete;
 * applied to the model's own SQL it gives the rows that replace them. `before` creates the sets of
 * firms and years the filters read (ops.incremental_*__next). `inputs` are views of what the model reads, cut to
 * the firms and years it recomputes (a statement file, or another model's SQL over such views), and `reads` which
 * input the model's SQL reads instead of which relation: the model then computes only the rows it recomputes,
 * which the `recompute` filter keeps. A statement file of `inputs` names the models as written and reads those
 * built aside under their aside names (renamed here); a `before` statement runs as written, because some compare
 * the live relation with the one built aside (statements/incremental/firms_and_years.sql) and name both. An input
 * with `table` is materialised instead: one the model reads twice, since DuckDB evaluates a view at each reference
 * (mart.growth_path_enterprises reads its firm-years for t and for t − 1; as a view, over the firm-year table the
 * transaction is updating, its insert took 12.8 s at province, as a table 4.7 + 4.3 s).
 */
interface IncrementalModel {
  recompute: string;
  before: string[];
  inputs: (
    | { name: string; file: string; table?: boolean }
    | { name: string; model: string; reads: Record<string, string> }
  )[];
  reads: Record<string, string>;
}

/**
 * The firm-year models, the largest tables a build writes (16 M rows each at province), of which an added year
 * changes a small share. Every other model is rebuilt in full as in a full build, these read them as they will be
 * after the swap. The register's history (from the live one: EXTENDED_MODELS) and entity rows are written aside in
 * full: every snapshot lists every firm, so an added one touches each firm's current state, and updating those rows
 * in place cost more than writing them again (province: 44 s against 24 s for the history, 12 s against 4 s for the
 * entities; bench/results/2026-11-26.md).
 */
export const INCREMENTAL_MODELS: ReadonlyMap<string, IncrementalModel> = new Map<string, IncrementalModel>([
  [
    'mart.enterprise_year',
    {
      recompute: 'recompute/enterprise_year.sql',
      before: ['changed_entities.sql', 'firms_and_years.sql'],
      inputs: [
        { name: 'ops.incremental_history_of_firms__next', file: 'inputs/history_of_firms.sql' },
        { name: 'ops.incremental_entities_of_firms__next', file: 'inputs/entities_of_firms.sql' },
        { name: 'ops.incremental_new_years__next', file: 'inputs/new_years.sql' },
        {
          name: 'ops.incremental_entity_years_of_firms__next',
          model: 'intermediate.entity_year_states',
          reads: {
            'staging.stg_registry_history': 'ops.incremental_history_of_firms__next',
            'staging.stg_entities': 'ops.incremental_entities_of_firms__next',
          },
        },
        {
          name: 'ops.incremental_entity_years_of_new_years__next',
          model: 'intermediate.entity_year_states',
          reads: { 'staging.stg_years': 'ops.incremental_new_years__next' },
        },
        { name: 'ops.incremental_entity_years__next', file: 'inputs/entity_years.sql' },
        { name: 'ops.incremental_raw_filings__next', file: 'inputs/raw_filings.sql' },
        {
          name: 'ops.incremental_filings__next',
          model: 'staging.stg_enterprise_indicators',
          reads: { 'raw.enterprise_indicators': 'ops.incremental_raw_filings__next' },
        },
      ],
      reads: {
        'intermediate.entity_year_states': 'ops.incremental_entity_years__next',
        'staging.stg_enterprise_indicators': 'ops.incremental_filings__next',
      },
    },
  ],
  [
    'mart.growth_path_enterprises',
    {
      recompute: 'recompute/growth_path_enterprises.sql',
      before: [],
      inputs: [
        { name: 'ops.incremental_enterprise_years__next', file: 'inputs/enterprise_years.sql', table: true },
      ],
      reads: { 'mart.enterprise_year': 'ops.incremental_enterprise_years__next' },
    },
  ],
]);

/**
 * Models an incremental build writes aside in full, as a full build does, but from their live table and the added
 * data instead of from every input (statements/incremental/extend/): the history from the live one and the added
 * snapshot (province: 11 s against 21–27 s from every snapshot; bench/results/2026-11-26.md).
 */
export const EXTENDED_MODELS: ReadonlyMap<string, string> = new Map([
  ['staging.stg_registry_history', 'extend/stg_registry_history.sql'],
]);

/**
 * The SQL an incremental build writes an extended model aside with: its statement, reading every other model as
 * built aside (`names`) and the model itself live, as the last build left it.
 */
export function extendedModelSql(model: Model, names: ReadonlyMap<string, string>): string | undefined {
  const file = EXTENDED_MODELS.get(model.name);
  if (!file) return undefined;
  const others = new Map([...names].filter(([name]) => name !== model.name));
  return renameRelations(statement(file), others);
}

/** Aside relation of an incremental model: the row ids of the live rows replaced. */
const goneName = (model: string) => `${model}__gone${ASIDE_SUFFIX}`;

const statement = (file: string) => readSql(`statements/incremental/${file}`);

/** The key a model's rows are replaced by: its declared unique check. */
function modelKey(model: Model): string[] {
  const unique = model.checks.find((c) => c.kind === 'unique');
  if (unique?.kind !== 'unique') throw new Error(`incremental model ${model.name} declares no unique key`);
  return unique.columns;
}

function relations(model: Model) {
  return {
    live: quoteQualified(model.name),
    gone: quoteQualified(goneName(model.name)),
    key_match: modelKey(model)
      .map((c) => `m.${quoteIdent(c)} = g.${quoteIdent(c)}`)
      .join(' and '),
  };
}

/** The bound parameters a statement names ($name), of those given: DuckDB rejects unused ones. */
function usedParams(
  sql: string,
  params: Record<string, DuckDBValue>,
): Record<string, DuckDBValue> | undefined {
  const used = Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql));
  return used.length > 0 ? Object.fromEntries(used) : undefined;
}

/**
 * Updates one firm-year model in place, inside the incremental build's one transaction (buildWarehouse.ts): the
 * row ids of the live rows the added data changes (`<model>__gone__next`), then the rows that replace them are
 * inserted and those rows deleted (nothing is copied aside). The models after it read it as updated.
 * Its checks run on the whole of it, as in a full build, except the unique key's: that one runs on the rows
 * replaced (`recompute` over the updated table). It need not see the rest: the rows kept had unique keys when
 * the last build checked them and keep them, and no replacing row can share a key with a kept one, since
 * `recompute` selects by key alone (province: 8.4 s for both models' key checks over 18.4 M rows each;
 * bench/results/2026-11-26.md). `names` are the relations the other models are built aside as.
 */
export async function runIncrementalModel(
  con: DuckDBConnection,
  model: Model,
  models: Model[],
  names: ReadonlyMap<string, string>,
  params: Record<string, DuckDBValue>,
): Promise<ModelRunResult> {
  const spec = INCREMENTAL_MODELS.get(model.name);
  if (!spec) throw new Error(`model ${model.name} has no incremental update`);
  const started = performance.now();
  const r = relations(model);
  const run = async (file: string) => {
    const sql = statement(file);
    await con.run(sql, usedParams(sql, params));
  };
  const recompute = statement(spec.recompute);
  // The live rows the filter selects: before the update those it replaces, after it the rows that replaced them.
  const selectedLive = `(${substitute(recompute, { relation: r.live })})`;
  try {
    for (const file of spec.before) await run(file);
    const over = (reads: Record<string, string>) => new Map([...names, ...Object.entries(reads)]);
    for (const input of spec.inputs) {
      const from = 'model' in input ? models.find((m) => m.name === input.model) : undefined;
      // A statement file names the models as they read after the update: those built aside by their aside names.
      const sql =
        'file' in input
          ? renameRelations(statement(input.file), names)
          : from && renameRelations(from.sql, over(input.reads));
      if (!sql)
        throw new Error(`incremental input ${input.name}: no model ${'model' in input && input.model}`);
      const kind = 'table' in input && input.table ? 'table' : 'view';
      await con.run(`create ${kind} ${quoteQualified(input.name)} as\n${sql}`);
    }
    await con.run(substitute(statement('gone_rows.sql'), { ...r, recomputed: selectedLive }));
    const replacing = substitute(recompute, {
      relation: `(${renameRelations(model.sql, over(spec.reads))})`,
    });
    await con.run(`insert into ${r.live}\n${replacing}`, usedParams(replacing, params));
    await con.run(substitute(statement('apply_update.sql'), r));
  } catch (err) {
    throw new Error(`model ${model.name} (incremental, sql/${model.file}): ${(err as Error).message}`);
  }
  return checkModel(con, model, names, started, { keyOver: selectedLive });
}
