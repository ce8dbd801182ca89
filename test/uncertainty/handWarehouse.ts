import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { writeMethodologyTables } from '../../pipelines/indices/methodologyTables.ts';
import { loadMethodology } from '../../pipelines/methodology/loadMethodology.ts';
import { loadReferenceTables } from '../../pipelines/reference/loadReference.ts';
import { buildUncertainty } from '../../pipelines/uncertainty/buildUncertainty.ts';

/**
 * A warehouse holding only what the uncertainty computation reads — reference tables, methodology v1's trees and
 * the hand-set rankings of test/fixtures/uncertainty/rankings.sql — with the uncertainty marts built (v1's
 * 1,000 draws). The caller closes it and removes `dir`.
 */
export async function buildHandWarehouse(): Promise<{ dir: string; path: string; wh: Warehouse }> {
  const dir = mkdtempSync(join(tmpdir(), 'xw-uncertainty-'));
  const path = join(dir, 'w.duckdb');
  const wh = await openWarehouse(path);
  const v1 = loadMethodology('v1');
  await withConnection(wh, async (con) => {
    await loadReferenceTables(con);
    await con.run(readSql('statements/config/create_config.sql'));
    await writeMethodologyTables(con, v1);
    await con.run(
      readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'uncertainty', 'index_tables.sql'), 'utf8'),
    );
    await con.run(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'uncertainty', 'rankings.sql'), 'utf8'));
    await buildUncertainty(con, [v1]);
  });
  return { dir, path, wh };
}
