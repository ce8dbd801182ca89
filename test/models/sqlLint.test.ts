import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/db/warehouse.ts';
import { duckdbKeywords, lintSqlFile, lintSqlTree } from '../../pipelines/models/lintSql.ts';
import { tablesRead } from '../../pipelines/models/tablesRead.ts';

let wh: Warehouse;
let con: DuckDBConnection;
let keywords: Set<string>;
beforeAll(async () => {
  wh = await openWarehouse(':memory:');
  con = await wh.connect();
  keywords = await duckdbKeywords(con);
});
afterAll(() => {
  con?.closeSync();
  wh?.close();
});

const rules = async (file: string, text: string) =>
  (await lintSqlFile(con, file, text, keywords)).map((f) => `${f.rule}@${f.line}`);

const header = (deps: string) =>
  `-- model: mart.m\n-- materialized: table\n-- grain: one row per x\n-- depends_on: ${deps}\n`;

describe('SQL lint (DuckDB parser + house style), run over every file in sql/', () => {
  it('finds nothing in sql/', async () => {
    const findings = await lintSqlTree(con, join(REPO_ROOT, 'sql'));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('reports a file DuckDB cannot parse', async () => {
    expect(await rules('statements/x.sql', '-- x\nselect from where;')).toEqual(['parse@1']);
  });

  it('wants keywords in lower case, but leaves strings, quoted names and comments alone', async () => {
    const sql = `-- SELECT in a comment\nselect 'FROM' as "SELECT"\nFROM mart.a as a`;
    expect(await rules('queries/x.sql', sql)).toEqual(['lowercase-keywords@3']);
  });

  it('wants "as" before a table alias and a column alias', async () => {
    expect(await rules('queries/x.sql', '-- x\nselect a.x from mart.a a')).toEqual(['explicit-as@2']);
    expect(await rules('queries/x.sql', '-- x\nselect count(*) n,\n  x y\nfrom mart.a as a')).toEqual([
      'explicit-as@2',
      'explicit-as@3',
    ]);
  });

  it('holds a query file to one read-only SELECT', async () => {
    expect(await rules('queries/x.sql', '-- x\nselect 1; select 2')).toEqual(['one-select@1']);
    expect(await rules('queries/x.sql', '-- x\ndelete from mart.a')).toEqual(['one-select@1']);
  });

  it('wants a file to open with a comment', async () => {
    expect(await rules('statements/x.sql', 'select 1')).toEqual(['file-comment@1']);
  });

  it('checks depends_on against the tables the SQL reads, e.g. enterprise_year before this rule', async () => {
    const sql = `${header('mart.a, ref.above_scale_thresholds')}with j as (\n    select a.x from mart.a as a\n    inner join ref.regions as r on a.x = r.x\n),\n\nfinal as (\n    select * from j\n)\n\nselect * from final\n`;
    const findings = await lintSqlFile(con, 'models/marts/m.sql', sql, keywords);
    expect(findings.map((f) => f.message)).toEqual([
      'reads ref.regions not in depends_on; declares ref.above_scale_thresholds that it does not read (the SQL and its checks read: mart.a, ref.regions)',
    ]);
  });

  it('counts the tables read by a model’s hand-written checks as dependencies (they must exist to check it)', async () => {
    const sql = `${header('mart.a, mart.b')}with final as (\n    select a.x from mart.a as a\n)\n\nselect * from final\n`;
    const check = '-- x\nselect m.x from mart.m as m anti join mart.b as b using (x)';
    expect(await lintSqlFile(con, 'models/marts/m.sql', sql, keywords, [check])).toEqual([]);
    expect((await lintSqlFile(con, 'models/marts/m.sql', sql, keywords)).map((f) => f.rule)).toEqual([
      'depends-on',
    ]);
  });

  it('wants a bare select * in a mart only in its final CTE and last line', async () => {
    const sql = `${header('mart.a')}with j as (\n    select * from mart.a\n),\n\nk as (\n    select *, 1 as one from j\n    union all\n    select * from j\n),\n\nl as (\n    select * from (values (1)) as v (one)\n),\n\nfinal as (\n    select * from k\n)\n\nselect * from final\n`;
    expect(await rules('models/marts/m.sql', sql)).toEqual(['select-star@6']);
  });

  it('wants the header lines and a file named after the model', async () => {
    const sql = '-- model: mart.other\n-- materialized: table\nselect 1 as x\n';
    expect(await rules('models/marts/m.sql', sql)).toEqual(['header@1', 'header@1', 'header@1']);
  });

  it("lists the tables of a query from DuckDB's parser, CTEs and subqueries included", async () => {
    const parsed = await tablesRead(
      con,
      'with f as (select * from mart.a where x in (select x from ref.b)) select * from f, lateral (values (1)) as v (y) join staging.c as c on true',
    );
    expect(parsed).toEqual({ ok: true, tables: ['mart.a', 'ref.b', 'staging.c'], unqualified: [] });
  });
});
