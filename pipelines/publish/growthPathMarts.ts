import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { tableExists } from '../report/tableExists.ts';

const num = z.number();
const nullableNum = z.number().nullable();

export const GrowthStageRow = z.object({
  year: num,
  region_code: z.string(),
  stage: z.enum(['P0', 'P1', 'P2', 'P3', 'P4']),
  enterprises: num,
});
export const GrowthFlowRow = z.object({
  year: num,
  region_code: z.string(),
  flow: z.enum(['个转企', '小升规', '规改股', '挂牌上市']),
  board: z.enum(['新三板', '浙江股权交易中心', '上市']).nullable(),
  stage_from: z.enum(['P0', 'P1', 'P2', 'P3']),
  enterprises: nullableNum,
  base_enterprises: nullableNum,
  rate: nullableNum,
});
export const UpgradeTimeRow = z.object({
  year: num,
  region_code: z.string(),
  n: num,
  p25: nullableNum,
  median: nullableNum,
  p75: nullableNum,
});
export const ReconciliationRow = z.object({
  methodology_version: z.string(),
  year: num,
  region_code: z.string(),
  indicator_no: z.union([z.literal(4), z.literal(6), z.literal(7), z.literal(8)]),
  indicator_zh: z.string(),
  registry_value: nullableNum,
  reported_value: nullableNum,
  difference: nullableNum,
  ratio: nullableNum,
  flagged: z.boolean().nullable(),
});
export const HighGrowthRow = z.object({
  methodology_version: z.string(),
  year: num,
  region_code: z.string(),
  measure: z.enum(['employment', 'revenue']),
  base_population: num,
  hge: num,
  gazelles: num,
  share: nullableNum,
  jobs_created: num,
});

export type GrowthStage = z.infer<typeof GrowthStageRow>;
export type GrowthFlow = z.infer<typeof GrowthFlowRow>;
export type UpgradeTime = z.infer<typeof UpgradeTimeRow>;
export type Reconciliation = z.infer<typeof ReconciliationRow>;
export type HighGrowth = z.infer<typeof HighGrowthRow>;

/** The aggregate growth-path marts (methodology §9), all years and versions; never the enterprise-level one. */
export interface GrowthPathMarts {
  stages: GrowthStage[];
  flows: GrowthFlow[];
  upgradeTimes: UpgradeTime[];
  reconciliation: Reconciliation[];
  highGrowth: HighGrowth[];
}

/** Reads the growth-path marts, or null when the warehouse was built before they existed. */
export async function loadGrowthPathMarts(con: DuckDBConnection): Promise<GrowthPathMarts | null> {
  for (const t of ['growth_stages', 'growth_paths', 'upgrade_times', 'plan_reconciliation', 'high_growth'])
    if (!(await tableExists(con, 'mart', t))) return null;
  return {
    stages: await readRows(con, GrowthStageRow, readSql('queries/report/growth_stages.sql')),
    flows: await readRows(con, GrowthFlowRow, readSql('queries/report/growth_paths.sql')),
    upgradeTimes: await readRows(con, UpgradeTimeRow, readSql('queries/report/upgrade_times.sql')),
    reconciliation: await readRows(con, ReconciliationRow, readSql('queries/report/plan_reconciliation.sql')),
    highGrowth: await readRows(con, HighGrowthRow, readSql('queries/report/high_growth.sql')),
  };
}
