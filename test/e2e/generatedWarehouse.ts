import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWarehouse, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { type GenerateOptions, generateExtracts } from '../../pipelines/generate/generateExtracts.ts';
import { ingestFiles } from '../../pipelines/ingest/ingestFiles.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { ensureReferenceTables } from '../../pipelines/reference/loadReference.ts';

export const fixedNow = () => new Date('2026-01-31T02:00:00Z');

/**
 * generate → ingest → build in a temp dir. `pick` chooses which generated files to ingest (default: all);
 * `methodologies` which versions to build (default: every version in config/methodology/).
 * Returns the open warehouse and the temp dir.
 */
export async function buildGeneratedWarehouse(
  gen: Omit<GenerateOptions, 'outDir' | 'format' | 'encoding'>,
  pick?: (extractsDir: string) => string[],
  methodologies?: (dir: string) => string[],
): Promise<{ wh: Warehouse; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'xw-e2e-'));
  const out = join(dir, 'extracts');
  await generateExtracts({ ...gen, outDir: out, format: 'csv', encoding: 'utf8' });
  const wh = await openWarehouse(join(dir, 'w.duckdb'));
  await withConnection(wh, ensureReferenceTables);
  await ingestFiles(wh, pick ? pick(out) : [out], { now: fixedNow });
  await buildWarehouse(wh, { runId: 'e2e-1', now: fixedNow, methodologies: methodologies?.(dir) });
  return { wh, dir };
}
