import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { ingestFiles } from '../../pipelines/ingest/ingestFiles.ts';
import type { IngestFileResult, IngestOptions } from '../../pipelines/ingest/ingestTypes.ts';

const AnyRow = z.record(z.string(), z.unknown());

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'ingest');
export const FIXED_NOW = () => new Date('2026-01-15T08:00:00Z');

export const REGISTRY_HEADER =
  '统一社会信用代码,企业名称,市场主体类型,成立日期,登记状态,注销（吊销）日期,行政区划代码,国民经济行业代码,注册资本（万元）,是否个转企,个转企日期,原个体工商户代码,八大万亿产业';
export const INDICATORS_HEADER =
  '统一社会信用代码,年度,从业人员,营业收入（万元）,资产总额（万元）,利润总额（万元）,纳税总额（万元）,研发费用（万元）,科技人员,出口额（万元）,是否规上,是否科技型中小企业,挂牌上市';
export const PLAN_HEADER = '年度,季度,行政区划代码,指标序号,数值,报送单位';

/** Valid codes (both check digits), computed with reference.md §1.6's script. */
export const CODES = {
  a: '91330502MA2B00019K',
  b: '91330503MA2B00027W',
  c: '91330521MA2B00035R',
  d: '92330522L00000046G',
  e: '91330523MA2B00051C',
  /** body check ok, position 18 wrong: loads, flagged */
  badCheck: '91330502MA2B000940',
};

export interface TestWarehouse {
  wh: Warehouse;
  dir: string;
  ingest(paths: string[], options?: Partial<IngestOptions>): Promise<IngestFileResult[]>;
  /** Rows as loose records (for `toEqual` on whole rows). */
  rows(sql: string, params?: Record<string, DuckDBValue>): Promise<Record<string, unknown>[]>;
  /** Rows checked against a schema (for arithmetic on typed fields). */
  read<S extends z.ZodType>(
    schema: S,
    sql: string,
    params?: Record<string, DuckDBValue>,
  ): Promise<z.output<S>[]>;
  write(name: string, content: string | Buffer): string;
  close(): void;
}

/** A fresh warehouse in a temp dir with ref.regions (from data/reference/regions.csv, or the 6 Huzhou codes). */
export async function testWarehouse(): Promise<TestWarehouse> {
  const dir = mkdtempSync(join(tmpdir(), 'xw-'));
  const wh = await openWarehouse(join(dir, 'test.duckdb'));
  await withConnection(wh, async (con) => {
    const csv = join(REPO_ROOT, 'data', 'reference', 'regions.csv');
    if (existsSync(csv)) {
      await con.run('create table ref.regions as select * from read_csv($p, all_varchar = true)', { p: csv });
    } else {
      // regions.csv not there yet: the six Huzhou codes of reference.md §2
      await con.run(
        `create table ref.regions as select * from (values ('330500'), ('330502'), ('330503'), ('330521'),
         ('330522'), ('330523')) t(region_code)`,
      );
    }
  });
  return {
    wh,
    dir,
    ingest: (paths, options = {}) => ingestFiles(wh, paths, { now: FIXED_NOW, ...options }),
    rows: (sql, params) => withConnection(wh, (con) => readRows(con, AnyRow, sql, params)),
    read: (schema, sql, params) => withConnection(wh, (con) => readRows(con, schema, sql, params)),
    write(name, content) {
      const p = join(dir, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
    close() {
      wh.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** read = loaded + quarantined + dropped, for every result (data-contract.md §4). */
export function addsUp(r: IngestFileResult): boolean {
  return r.rows_read === r.rows_loaded + r.rows_quarantined + r.rows_dropped;
}
