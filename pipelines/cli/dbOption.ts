import { Option } from 'commander';

/** The shared `--db` option: the warehouse file (default data/warehouse/xiaowei.duckdb, or $XIAOWEI_DB). */
export function dbOption(): Option {
  return new Option(
    '--db <file>',
    'warehouse DuckDB file (default $XIAOWEI_DB or data/warehouse/xiaowei.duckdb)',
  );
}
