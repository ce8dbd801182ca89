import { openWarehouse, withConnection } from './pipelines/db/warehouse.ts';
import { ingestFiles } from './pipelines/ingest/ingestFiles.ts';
import { ensureReferenceTables } from './pipelines/reference/loadReference.ts';
import { rmSync } from 'node:fs';
const db = '/tmp/ingest/prof.duckdb';
rmSync(db, { force: true }); rmSync(db + '.wal', { force: true });
const wh = await openWarehouse(db);
await withConnection(wh, ensureReferenceTables);
let last = performance.now(); let lastStage = '';
const t0 = performance.now();
const totals: Record<string, number> = {};
const res = await ingestFiles(wh, process.argv.slice(2), {
  now: () => new Date(),
  onProgress: (p) => {
    const now = performance.now();
    if (lastStage) totals[lastStage] = (totals[lastStage] ?? 0) + (now - last);
    last = now; lastStage = p.stage;
  },
});
console.log('total', ((performance.now() - t0) / 1000).toFixed(2), Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, (v / 1000).toFixed(2)])));
for (const r of res) console.log(r.status, r.rows_read, r.rows_loaded, r.message.slice(0, 100));
wh.close();
