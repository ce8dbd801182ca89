import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(process.env.DB ?? ':memory:');
const con = await inst.connect();
for (const sql of process.argv.slice(2)) {
  const t0 = performance.now();
  try {
    const r = await con.runAndReadAll(sql);
    const rows = r.getRowObjectsJson();
    console.log(((performance.now()-t0)/1000).toFixed(3)+'s', JSON.stringify(rows.slice(0,3)).slice(0,300));
  } catch (e) { console.log('ERR', e.message.slice(0,500)); }
}
