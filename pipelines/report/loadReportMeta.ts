import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import type { Methodology } from '../methodology/schema.ts';
import { assertSingleBuild } from '../models/assertSingleBuild.ts';
import { SNAPSHOT_TOPICS } from '../publish/publishedSnapshot.ts';
import {
  type BuildInfo,
  type IngestSource,
  IngestSourceSchema,
  type MethodologySummary,
  type QuarantineReason,
  QuarantineReasonSchema,
  type RevisionRow,
} from './reportMeta.ts';
import { tableExists } from './tableExists.ts';

const RevisionSchema = z.object({
  cell_key: z.string(),
  methodology_version: z.string(),
  topic: z.enum(SNAPSHOT_TOPICS),
  year: z.number(),
  period: z.string(),
  region_code: z.string(),
  measure: z.string(),
  old_text: z.string(),
  new_text: z.string(),
  old_run_id: z.string(),
  new_run_id: z.string(),
});

export interface WarehouseProvenance {
  build: BuildInfo | null;
  sources: IngestSource[];
  quarantine: QuarantineReason[];
  revisions: RevisionRow[];
  /** as_of of the latest loaded file up to the following year, the default report date. */
  latestAsOf: string | null;
}

function asText(row: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row))
    out[k] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return out;
}

/** Reads the data appendix (ingest log, quarantine, build, revisions); optional tables are skipped when absent. */
export async function loadWarehouseProvenance(
  con: DuckDBConnection,
  version: string,
  year: number,
): Promise<WarehouseProvenance> {
  const hasIngest = await tableExists(con, 'ops', 'ingest_log');
  const sources = hasIngest
    ? await readRows(con, IngestSourceSchema, readSql('queries/report/ingest_sources.sql'))
    : [];
  const latest = hasIngest
    ? await readRows(
        con,
        z.object({ as_of: z.string().nullable() }),
        readSql('queries/report/latest_as_of.sql'),
        {
          year,
        },
      )
    : [];
  const quarantine = (await tableExists(con, 'ops', 'quarantine'))
    ? await readRows(con, QuarantineReasonSchema, readSql('queries/report/quarantine_summary.sql'))
    : [];
  // One build's numbers or none: a warehouse mixing tables of different builds is refused.
  const runId = (await tableExists(con, 'ops', 'build_log')) ? await assertSingleBuild(con) : null;
  const buildRows =
    runId !== null
      ? await readRows(con, z.record(z.string(), z.unknown()), readSql('queries/report/stamped_build.sql'), {
          version,
          run_id: runId,
        })
      : [];
  const revisions = (
    await readRows(
      con,
      z.object({ present: z.number() }),
      readSql('queries/report/revisions_table_shape.sql'),
    )
  ).length
    ? await readRows(con, RevisionSchema, readSql('queries/report/revisions.sql'), { version, year })
    : [];
  return {
    build: buildRows[0] ? asText(buildRows[0]) : null,
    sources,
    quarantine,
    revisions,
    latestAsOf: latest[0]?.as_of ?? null,
  };
}

/** The parts of the methodology file the report prints. */
export function summariseMethodology(m: Methodology): MethodologySummary {
  return {
    version: m.version,
    titleZh: m.title_zh,
    baseYear: m.base_year,
    planStart: m.plan.start,
    planEndYear: m.plan.end_year,
    minEnterprises: m.publication.min_enterprises,
    weightsNoteZh: m.weights_note_zh,
    growthNameZh: m.indices.growth.name_zh,
    vitalityNameZh: m.indices.vitality.name_zh,
    growthPaths: m.growth_paths,
    uncertaintyNoteZh: m.uncertainty.note_zh,
  };
}
