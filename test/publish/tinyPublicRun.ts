import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { withConnection } from '../../pipelines/db/warehouse.ts';
import { parseCsv } from '../../pipelines/publish/csvCell.ts';
import { loadMartData } from '../../pipelines/publish/loadMartData.ts';
import { type FullPublication, loadPublication } from '../../pipelines/publish/loadPublication.ts';
import type { MartData } from '../../pipelines/publish/martData.ts';
import { writeAnnualReport } from '../../pipelines/report/writeAnnualReport.ts';
import { writeSite } from '../../pipelines/site/writeSite.ts';
import { buildGeneratedWarehouse } from '../e2e/generatedWarehouse.ts';

/** What a route test reads: the marts, the layer's decisions, its own extra marts, and the public outputs. */
export interface TinyPublicRun<T> {
  dir: string;
  /** Where the reports (`2020/…`, county reports) and the dashboard (`site/`) were published. */
  out: string;
  mart: MartData;
  pub: FullPublication;
  extra: T;
  /** A published CSV (path relative to `out`) as rows keyed by its header. */
  csv(path: string): Record<string, string>[];
  remove(): void;
}

/**
 * Tiny generated data (seed 1, 2013–2020: counties of ~50 firms, so many cells rest on 1–2 enterprises), built,
 * published as the 2020 city report, the given county reports and the dashboard: the public side of the
 * publication-route tests.
 */
export async function tinyPublicRun<T>(
  loadExtra: (con: DuckDBConnection) => Promise<T>,
  countyReports: string[] = [],
): Promise<TinyPublicRun<T>> {
  const built = await buildGeneratedWarehouse({ scale: 'tiny', seed: 1, from: 2013, to: 2020, dirty: 0 });
  const { dir } = built;
  const loaded = await withConnection(built.wh, async (con) => ({
    mart: await loadMartData(con),
    extra: await loadExtra(con),
    pub: await loadPublication(con),
  })).finally(() => built.wh.close());
  const out = join(dir, 'public');
  const dbPath = join(dir, 'w.duckdb');
  await writeAnnualReport({ dbPath, year: 2020, outDir: out });
  for (const countyCode of countyReports)
    await writeAnnualReport({ dbPath, year: 2020, countyCode, outDir: out });
  await writeSite({ dbPath, outDir: join(out, 'site') });
  return {
    dir,
    out,
    ...loaded,
    csv(path) {
      const [header, ...rows] = parseCsv(readFileSync(join(out, path), 'utf8'));
      return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
