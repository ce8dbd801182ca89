import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import type { Methodology } from '../methodology/schema.ts';

/** Writes a methodology's §8 settings (config `industry_slices`) into config.methodology_industry_slices. */
export async function writeIndustrySliceParams(con: DuckDBConnection, m: Methodology): Promise<void> {
  const s = m.industry_slices;
  await con.run(readSql('statements/config/insert_industry_slice_params.sql'), {
    version: m.version,
    county_by_industry: s.county_by_industry,
    region_level_only: JSON.stringify(s.region_level_only),
    constant_within_industry: JSON.stringify(s.constant_within_industry),
    proxy_note_zh: s.proxy_note_zh,
  });
}
