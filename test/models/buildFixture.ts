import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { runSqlScript } from '../../pipelines/models/runSqlScript.ts';

/** A fresh warehouse with raw tables filled by a fixture SQL file, built with methodology v1. */
export async function buildFixtureWarehouse(
  fixtureSql: string[],
  methodologies?: string[],
): Promise<Warehouse> {
  return openWarehouse(await buildFixtureDb(fixtureSql, methodologies));
}

/** The same, closed: returns the warehouse file's path (for tests that run the CLI on it). */
export async function buildFixtureDb(fixtureSql: string[], methodologies?: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'xw-build-'));
  const path = join(dir, 'w.duckdb');
  const wh = await openWarehouse(path);
  try {
    await withConnection(wh, async (con) => {
      await runSqlScript(con, readSql('statements/raw/create_raw.sql'));
      await runSqlScript(con, readSql('statements/ops/create_ops.sql'));
      for (const f of fixtureSql) {
        await runSqlScript(con, readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'models', f), 'utf8'));
      }
    });
    await buildWarehouse(wh, {
      runId: 'test-run',
      methodologies,
      now: () => new Date('2026-01-31T02:00:00Z'),
    });
  } finally {
    wh.close();
  }
  return path;
}
