// Child-process entry: times the report's phases in one process (`benchReport`) and prints them as JSON.
// Usage: node --import tsx bench/lib/reportPhases.ts <db> <outDir> <year>
import { benchReport } from '../../pipelines/report/benchReport.ts';

const [db, outDir, year] = process.argv.slice(2);
const r = await benchReport({ dbPath: db, outDir, year: Number(year), now: () => performance.now() });
process.stdout.write(
  `${JSON.stringify({ htmlMs: r.htmlMs, filesMs: r.filesMs, pdfMs: r.pdfMs, chartsMs: r.chartsMs, charts: r.charts })}\n`,
);
