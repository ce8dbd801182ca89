import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { quoteQualified, substitute } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';
import type { IndexRow } from '../marts/types.ts';
import { tableExists } from '../report/tableExists.ts';

const nullableNum = z.number().nullable();

const IndustryIndexValueRow = z.object({
  methodology_version: z.string(),
  year: z.number(),
  region_code: z.string(),
  priority_industry: z.string(),
  level: z.enum(['indicator', 'module', 'total']),
  code: z.string(),
  raw_value: nullableNum,
  value: nullableNum,
  dropped_reason: z.string().nullable(),
  n_enterprises: nullableNum,
});
const IndustryRow = z.object({ priority_industry: z.string() });
const NoteRow = z.object({ methodology_version: z.string(), proxy_note_zh: z.string() });

/** A row of mart.growth_index_by_industry / mart.vitality_index_by_industry. */
export type IndustryIndexRow = IndexRow & { priority_industry: string };

/** The index marts per 八大万亿产业 (methodology §8), all years and versions. */
export interface IndustryIndexMarts {
  /** The eight industries in their published order. */
  industries: string[];
  growth: IndustryIndexRow[];
  vitality: IndustryIndexRow[];
  /** Per version, the proxy note every output prints beside these indices. */
  notes: Record<string, string>;
}

/** Reads the industry index marts, or null when the warehouse was built before they existed. */
export async function loadIndustryIndexMarts(con: DuckDBConnection): Promise<IndustryIndexMarts | null> {
  for (const t of ['growth_index_by_industry', 'vitality_index_by_industry', 'methodology_industry_slices'])
    if (!(await tableExists(con, 'mart', t))) return null;
  if (!(await tableExists(con, 'ref', 'priority_industries'))) return null;
  const rows = (table: string) =>
    readRows(
      con,
      IndustryIndexValueRow,
      substitute(readSql('queries/report/industry_index_values.sql'), { table: quoteQualified(table) }),
    );
  const notes = await readRows(con, NoteRow, readSql('queries/report/industry_slice_notes.sql'));
  return {
    industries: (await readRows(con, IndustryRow, readSql('queries/report/priority_industries.sql'))).map(
      (r) => r.priority_industry,
    ),
    growth: await rows('mart.growth_index_by_industry'),
    vitality: await rows('mart.vitality_index_by_industry'),
    notes: Object.fromEntries(notes.map((n) => [n.methodology_version, n.proxy_note_zh])),
  };
}
