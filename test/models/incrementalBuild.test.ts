import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { generateExtracts } from '../../pipelines/generate/generateExtracts.ts';
import { ingestFiles } from '../../pipelines/ingest/ingestFiles.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { readModels } from '../../pipelines/models/modelFile.ts';
import { ensureReferenceTables } from '../../pipelines/reference/loadReference.ts';
import { fixedNow } from '../e2e/generatedWarehouse.ts';

// A yearly run adds one year's extracts to a warehouse built before and builds again. What it publishes must
// not depend on that history: the marts after "build, add 2024, build" must be byte for byte those of one
// build over every extract at once. Both warehouses end with a build of the same run id, so the comparison
// covers every column of every model, its build stamp included.
const LAST_YEAR = 2024;
let dir: string;
let incremental: Warehouse;
let full: Warehouse;

const isLastYear = (name: string) => name.includes(`_${LAST_YEAR}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xw-incr-'));
  const extracts = join(dir, 'extracts');
  await generateExtracts({
    scale: 'tiny',
    seed: 23,
    from: 2019,
    to: LAST_YEAR,
    dirty: 0.02,
    outDir: extracts,
    format: 'csv',
    encoding: 'utf8',
  });
  const files = readdirSync(extracts)
    .filter((f) => f.endsWith('.csv') && f !== 'faults.csv')
    .sort()
    .map((f) => join(extracts, f));
  const earlier = files.filter((f) => !isLastYear(f));
  const added = files.filter(isLastYear);
  // Guards the premise: the last year really arrives as files of its own.
  expect(added.length).toBeGreaterThanOrEqual(2);
  expect(earlier.length).toBeGreaterThan(added.length);

  incremental = await openWarehouse(join(dir, 'incremental.duckdb'));
  await withConnection(incremental, ensureReferenceTables);
  await ingestFiles(incremental, earlier, { now: fixedNow });
  await buildWarehouse(incremental, { runId: 'before-2024', now: fixedNow });
  await ingestFiles(incremental, added, { now: fixedNow });
  await buildWarehouse(incremental, { runId: 'with-2024', now: fixedNow });

  full = await openWarehouse(join(dir, 'full.duckdb'));
  await withConnection(full, ensureReferenceTables);
  await ingestFiles(full, files, { now: fixedNow });
  await buildWarehouse(full, { runId: 'with-2024', now: fixedNow });
}, 240_000);
afterAll(() => {
  incremental?.close();
  full?.close();
});

/** sha256 of the relation's rows in a fixed order, written as CSV by DuckDB (full precision, NULLs marked). */
async function exportHash(
  wh: Warehouse,
  relation: string,
  tag: string,
): Promise<{ rows: number; sha: string }> {
  const file = join(dir, `${tag}-${relation}.csv`);
  const quoted = relation
    .split('.')
    .map((p) => `"${p}"`)
    .join('.');
  // The relation is a model name read from sql/models and the path this test's own (COPY takes no parameters).
  await withConnection(wh, (con) =>
    con.run(`copy (select * from ${quoted} order by all) to '${file}' (header, nullstr '\\N')`),
  );
  const text = readFileSync(file);
  return {
    rows: text.toString('utf8').split('\n').length - 2,
    sha: createHash('sha256').update(text).digest('hex'),
  };
}

const builtTable = z.object({ name: z.string() });

describe('a yearly run: build, add a year, build again = one build over every extract', () => {
  const models = readModels(join(REPO_ROOT, 'sql'), ['models']).map((m) => m.name);

  it.each(models)('model %s is byte-identical', async (name) => {
    const a = await exportHash(incremental, name, 'incremental');
    const b = await exportHash(full, name, 'full');
    expect(a).toEqual(b);
  });

  it('every other table a build writes (uncertainty, …) is byte-identical too', async () => {
    const list = (wh: Warehouse) =>
      withConnection(wh, (con) => readRows(con, builtTable, readSql('statements/ops/built_tables.sql')));
    const names = (await list(full)).map((t) => t.name);
    expect((await list(incremental)).map((t) => t.name)).toEqual(names);
    // mart.revisions is the one log of history by design: it records what the earlier build published.
    const others = names.filter((n) => !models.includes(n) && n !== 'mart.revisions');
    expect(others.length).toBeGreaterThan(0);
    for (const name of others)
      expect({ name, ...(await exportHash(incremental, name, 'incremental')) }).toEqual({
        name,
        ...(await exportHash(full, name, 'full')),
      });
  });

  it('compares models that hold the added year', async () => {
    // Not vacuous: the marts the comparison covers do hold rows of the added year.
    const rows = await withConnection(full, (con) =>
      readRows(
        con,
        z.object({ n: z.number() }),
        'select count(*)::integer as n from mart.enterprise_year where year = $year',
        { year: LAST_YEAR },
      ),
    );
    expect(rows[0].n).toBeGreaterThan(100);
    expect(models.length).toBeGreaterThan(20);
  });
});
