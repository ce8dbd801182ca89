// Recomputes a warehouse's index marts with the TypeScript engine (the oracle) and prints how they compare:
//   node --import tsx test/models/compareIndicesWithEngine.ts data/warehouse/xiaowei.duckdb
// Read-only. Exit code 1 when a row differs by more than 1e-12 or exists on one side only.
import { openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import {
  compareWithEngine,
  INDUSTRY_MARTS,
  REGION_MARTS,
} from '../../pipelines/indices/compareWithEngine.ts';

const path = process.argv[2];
if (!path) {
  process.stderr.write(
    'usage: node --import tsx test/models/compareIndicesWithEngine.ts <warehouse.duckdb>\n',
  );
  process.exit(2);
}
const wh = await openWarehouse(path, { readOnly: true });
try {
  let failed = false;
  for (const [label, marts] of [
    ['regions', REGION_MARTS],
    ['industries', INDUSTRY_MARTS],
  ] as const) {
    const r = await withConnection(wh, (con) => compareWithEngine(con, marts));
    process.stdout.write(
      `${label}: ${r.rows} rows compared, max |SQL − engine| = ${r.maxAbsDiff}, ${r.mismatches.length} mismatches\n`,
    );
    for (const m of r.mismatches.slice(0, 20)) process.stdout.write(`  ${m}\n`);
    failed ||= r.mismatches.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  wh.close();
}
