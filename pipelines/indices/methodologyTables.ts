import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import type { IndexName, Methodology } from '../methodology/schema.ts';

const INDEX_NAMES: IndexName[] = ['growth', 'vitality'];

/**
 * Writes a methodology's parameters, plan kinds, county targets and index trees into the config.* tables, which
 * every build recreates empty (sql/statements/config/create_config.sql); the methodology models publish them.
 */
export async function writeMethodologyTables(con: DuckDBConnection, m: Methodology): Promise<void> {
  const sha256 = createHash('sha256').update(JSON.stringify(m)).digest('hex');
  const s = m.scorecard;
  await con.run(readSql('statements/config/insert_methodology.sql'), {
    version: m.version,
    title_zh: m.title_zh,
    released: m.released,
    sha256,
    base_year: m.base_year,
    plan_start: m.plan.start,
    plan_months: m.plan.months,
    period_ends: s.period_ends.join(','),
    score_cap: s.score_cap,
    on_track_ratio: s.on_track_ratio,
    lagging_ratio: s.lagging_ratio,
    county_target_decimals: s.county_target_decimals,
    stock_baseline_year: s.stock_baseline_year,
    min_enterprises: m.publication.min_enterprises,
    weights_note_zh: m.weights_note_zh,
  });
  const kinds = await con.createAppender('methodology_plan_kinds', 'config');
  for (const kind of ['stock', 'annual', 'cumulative'] as const) {
    for (const no of s.indicator_kinds[kind]) {
      kinds.appendVarchar(m.version);
      kinds.appendInteger(no);
      kinds.appendVarchar(kind);
      kinds.endRow();
    }
  }
  kinds.closeSync();
  const targets = await con.createAppender('methodology_county_targets', 'config');
  for (const t of s.county_targets) {
    targets.appendVarchar(m.version);
    targets.appendVarchar(t.region_code);
    targets.appendInteger(t.indicator_no);
    targets.appendDouble(t.target);
    targets.endRow();
  }
  targets.closeSync();
  const meta = await con.createAppender('index_meta', 'config');
  let order = 0;
  const row = (
    index: string,
    code: string,
    level: string,
    zh: string,
    en: string,
    parent: string | null,
    weight: number,
    direction: number | null,
    variable: string | null,
  ) => {
    meta.appendVarchar(m.version);
    meta.appendVarchar(index);
    meta.appendVarchar(code);
    meta.appendVarchar(level);
    meta.appendVarchar(zh);
    meta.appendVarchar(en);
    parent === null ? meta.appendNull() : meta.appendVarchar(parent);
    meta.appendDouble(weight);
    direction === null ? meta.appendNull() : meta.appendInteger(direction);
    variable === null ? meta.appendNull() : meta.appendVarchar(variable);
    meta.appendInteger(order++);
    meta.endRow();
  };
  for (const index of INDEX_NAMES) {
    for (const mod of m.indices[index].modules) {
      row(index, mod.code, 'module', mod.name_zh, mod.name_en, null, mod.weight, null, null);
      for (const ind of mod.indicators) {
        row(
          index,
          ind.code,
          'indicator',
          ind.name_zh,
          ind.name_en,
          mod.code,
          ind.weight,
          ind.direction,
          ind.variable,
        );
      }
    }
  }
  meta.closeSync();
}
