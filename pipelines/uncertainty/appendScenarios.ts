import {
  DOUBLE,
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  type DuckDBType,
  INTEGER,
} from '@duckdb/node-api';
import type { RankingInputs } from './readUncertaintyInputs.ts';
import type { ScenarioResults } from './runScenarios.ts';
import type { UncertainInput } from './scenarioParameters.ts';

/** One ranking's scenario results, as the temp tables of create_scenario_tables.sql hold them. */
export interface RankingScenarios {
  rankingId: number;
  firstUnitId: number;
  ranking: RankingInputs;
  inputs: readonly UncertainInput[];
  /** N, the rows of matrices A and B; runs are block · N + draw (saltelliDesign). */
  draws: number;
  /** Scenarios per year in `results.shifts`, in run order: N·(d+2). */
  runs: number;
  results: ScenarioResults;
}

const CHUNK_ROWS = 2048;

/**
 * Appends `rows` rows of numeric columns, column c of row k being `columns[c].value(k)` (NaN → NULL), as data
 * chunks: several times faster than row by row.
 */
function appendColumns(
  appender: DuckDBAppender,
  columns: readonly { type: DuckDBType; value: (row: number) => number }[],
  rows: number,
): void {
  const types = columns.map((c) => c.type);
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    const chunk = DuckDBDataChunk.create(types, n);
    chunk.setColumns(
      columns.map(({ value }) =>
        Array.from({ length: n }, (_, k) => {
          const v = value(start + k);
          return Number.isNaN(v) ? null : v;
        }),
      ),
    );
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

/** Appends one ranking: its name, county-years, varied inputs, the draws of matrix A and every run's shifts. */
export async function appendScenarios(con: DuckDBConnection, r: RankingScenarios): Promise<void> {
  const ranking = await con.createAppender('uncertainty_ranking', 'main', 'temp');
  ranking.appendInteger(r.rankingId);
  ranking.appendVarchar(r.ranking.version);
  ranking.appendVarchar(r.ranking.indexName);
  ranking.endRow();
  ranking.closeSync();

  const units = await con.createAppender('uncertainty_unit', 'main', 'temp');
  r.ranking.units.forEach((u, i) => {
    units.appendInteger(r.firstUnitId + i);
    units.appendInteger(r.rankingId);
    units.appendInteger(u.year);
    units.appendVarchar(u.regionCode);
    units.endRow();
  });
  units.closeSync();

  const inputs = await con.createAppender('uncertainty_input', 'main', 'temp');
  r.inputs.forEach((input, i) => {
    inputs.appendInteger(r.rankingId);
    inputs.appendInteger(2 + i);
    inputs.appendVarchar(input);
    inputs.endRow();
  });
  inputs.closeSync();

  const unitCount = r.ranking.units.length;
  const { drawValues, drawRanks, shifts, years } = r.results;
  appendColumns(
    await con.createAppender('uncertainty_draw', 'main', 'temp'),
    [
      { type: INTEGER, value: (k) => r.firstUnitId + (k % unitCount) },
      { type: INTEGER, value: (k) => Math.floor(k / unitCount) },
      { type: DOUBLE, value: (k) => drawValues[k] },
      { type: INTEGER, value: (k) => drawRanks[k] || Number.NaN },
    ],
    drawValues.length,
  );
  const run = (k: number) => Math.floor(k / years.length);
  appendColumns(
    await con.createAppender('uncertainty_shift', 'main', 'temp'),
    [
      { type: INTEGER, value: () => r.rankingId },
      { type: INTEGER, value: (k) => years[k % years.length] },
      { type: INTEGER, value: (k) => Math.floor(run(k) / r.draws) },
      { type: INTEGER, value: (k) => run(k) % r.draws },
      { type: DOUBLE, value: (k) => shifts[k] },
    ],
    r.runs * years.length,
  );
}
