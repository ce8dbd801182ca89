import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { quoteQualified } from '../../pipelines/db/sqlTemplate.ts';
import { openWarehouse, readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { UserError } from '../../pipelines/messages/catalogue.ts';
import { MethodologyError, methodologyPath } from '../../pipelines/methodology/loadMethodology.ts';
import { assertSingleBuild } from '../../pipelines/models/assertSingleBuild.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { CheckFailedError } from '../../pipelines/models/runModels.ts';
import { loadWarehouseProvenance } from '../../pipelines/report/loadReportMeta.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';

// A build is all or nothing (issue 16 §3): whatever fails — a check, a methodology file, a kill — every table of
// the last good build stays as it was, with its run id. The snapshot compares each relation's content and stamp.

const relationRow = z.object({ name: z.string(), comment: z.string().nullable() });
const digestRow = z.object({ rows: z.number(), digest: z.string().nullable() });

/** Every table and view (schema.name → stamp, row count and a digest of its sorted rows). */
async function snapshot(con: DuckDBConnection): Promise<Record<string, string>> {
  const relations = await readRows(
    con,
    relationRow,
    `select schema_name || '.' || table_name as name, comment from duckdb_tables() where not temporary
     union all
     select schema_name || '.' || view_name, comment from duckdb_views() where not internal and not temporary
     order by name`,
  );
  const out: Record<string, string> = {};
  for (const r of relations) {
    // The test's own relation names; each row as text, sorted, hashed.
    const [d] = await readRows(
      con,
      digestRow,
      `select count(*)::integer as rows, md5(string_agg(t::varchar, '|' order by t::varchar)) as digest
       from ${quoteQualified(r.name)} as t`,
    );
    out[r.name] = `${r.comment ?? ''} ${d.rows} ${d.digest ?? ''}`;
  }
  return out;
}

const asideCount = async (con: DuckDBConnection) =>
  (
    await readRows(
      con,
      z.object({ n: z.number() }),
      "select count(*)::integer as n from duckdb_tables() where ends_with(table_name, '__next')",
    )
  )[0].n;

const v1 = () => JSON.parse(readFileSync(methodologyPath('v1'), 'utf8'));

let wh: Warehouse;
let before: Record<string, string>;
beforeAll(async () => {
  wh = await buildFixtureWarehouse(['five_enterprises.sql']);
  before = await withConnection(wh, snapshot);
});
afterAll(() => wh?.close());

describe('a build is all or nothing', () => {
  it('stamps every built table and view with its run id', async () => {
    const stamps = Object.entries(before)
      .filter(([name]) => /^(staging|intermediate|mart)\./.test(name))
      .map(([name, s]) => [name, s.split(' ').slice(0, 3).join(' ')]);
    expect(stamps.length).toBeGreaterThan(20);
    // The monitoring marts are models like the others (swapped in whole); the alerts' first runs are ops, kept
    // across builds, and compared whole by the snapshots below.
    expect(stamps.map(([name]) => name)).toEqual(
      expect.arrayContaining(['mart.monthly_flows', 'mart.monthly_expected', 'mart.alerts']),
    );
    expect(Object.keys(before)).toContain('ops.alert_first_seen');
    for (const [, stamp] of stamps) expect(stamp).toBe('xiaowei build test-run');
  });

  it('leaves the last good build whole when a check fails mid-build', async () => {
    await withConnection(wh, async (con) => {
      // E1 now files more technical staff than employees: mart.enterprise_year's check fails, after six models.
      await con.run('create temp table saved as from raw.enterprise_indicators');
      await con.run("update raw.enterprise_indicators set tech_staff = employees + 5 where uscc = 'E1'");
      const withBadRow = await snapshot(con);
      const err = await buildWarehouse(wh, { runId: 'bad-check', now: () => new Date(0) }).catch((e) => e);
      expect(err).toBeInstanceOf(CheckFailedError);
      expect((err as CheckFailedError).model).toBe('mart.enterprise_year');
      expect((err as CheckFailedError).check).toBe('expression(tech_staff_within_employees)');
      expect(await snapshot(con)).toEqual(withBadRow);
      expect(await asideCount(con)).toBe(0);
      await con.run(
        'delete from raw.enterprise_indicators; insert into raw.enterprise_indicators from saved',
      );
      expect(await snapshot(con)).toEqual(before);
    });
  });

  const badFiles: [string, (m: ReturnType<typeof v1>) => void, RegExp][] = [
    [
      'an unknown input variable',
      (m) => {
        m.indices.growth.modules[0].indicators[1].variable = 'revenue_sun';
      },
      /v9-bad\.json: indices\.growth\.modules\.0\.indicators\.1\.variable: unknown input variable "revenue_sun"/,
    ],
    [
      'an unknown input variable among those an industry slice drops',
      (m) => {
        m.industry_slices.region_level_only = ['plan_12', 'plan_99'];
      },
      /v9-bad\.json: industry_slices\.region_level_only\.1: unknown input variable "plan_99"/,
    ],
    [
      'weights of 1e308',
      (m) => {
        m.indices.vitality.modules[2].weight = 1e308;
      },
      /v9-bad\.json: indices\.vitality\.modules\.2\.weight: weights are relative/,
    ],
    [
      'a duplicate code',
      (m) => {
        m.indices.growth.modules[1].indicators[0].code = 'A1';
      },
      /v9-bad\.json: indices\.growth\.modules\.1: duplicate code A1/,
    ],
  ];

  it.each(badFiles)('refuses a methodology file with %s before it writes anything', async (_, spoil, why) => {
    const m = v1();
    m.version = 'v9-bad';
    spoil(m);
    const file = join(mkdtempSync(join(tmpdir(), 'xw-bad-')), 'v9-bad.json');
    writeFileSync(file, JSON.stringify(m));
    const err = await buildWarehouse(wh, {
      runId: 'bad-methodology',
      methodologies: ['v1', file],
      now: () => new Date(0),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(MethodologyError);
    expect((err as Error).message).toMatch(why);
    expect(await withConnection(wh, snapshot)).toEqual(before);
  });

  it('refuses, in the report, a warehouse whose tables come from different builds', async () => {
    await withConnection(wh, async (con) => {
      expect(await assertSingleBuild(con)).toBe('test-run');
      // A table re-created outside a build (or copied from another) no longer carries this build's stamp.
      await con.run('create table mart.copy_of_growth as from mart.growth_index');
      await con.run("comment on table mart.copy_of_growth is 'xiaowei build some-other-run'");
      const err = await loadWarehouseProvenance(con, 'v1', 2020).catch((e) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).id).toBe('report.mixed_build');
      expect((err as Error).message).toContain(
        '1 from some-other-run (not in ops.build_log): mart.copy_of_growth',
      );
      expect((err as Error).message).toMatch(/\(\d+ from test-run: intermediate\.entity_year_states, /);
      await con.run('drop table mart.copy_of_growth');
      expect(await assertSingleBuild(con)).toBe('test-run');
    });
  });
});

describe('a killed build', () => {
  it('leaves the previous build whole, and the next build clears what it left aside', async () => {
    const path = wh.path;
    wh.close();
    const child = spawn(process.execPath, ['bin/xiaowei.js', 'build', '--db', path, '--run-id', 'killed'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Killed as soon as the first model has been written aside: mid-build, nothing swapped in yet.
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (/rows\s+\d+ checks ok/.test(chunk.toString())) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(child.signalCode).toBe('SIGKILL');
    wh = await openWarehouse(path);
    await withConnection(wh, async (con) => {
      const after = await snapshot(con);
      const asideLeft = Object.keys(after).filter((n) => n.endsWith('__next'));
      expect(asideLeft.length).toBeGreaterThan(0);
      for (const n of asideLeft) delete after[n];
      // The killed build had rewritten schema config (its inputs) with the same files: same content.
      expect(after).toEqual(before);
      expect(await assertSingleBuild(con)).toBe('test-run');
    });
    await buildWarehouse(wh, { runId: 'after-kill', now: () => new Date(0) });
    await withConnection(wh, async (con) => {
      expect(await asideCount(con)).toBe(0);
      expect(await assertSingleBuild(con)).toBe('after-kill');
    });
  });

  it('killed while it updates the live tables incrementally, leaves the previous build whole', async () => {
    const last = await withConnection(wh, snapshot);
    const path = wh.path;
    wh.close();
    const child = spawn(process.execPath, ['bin/xiaowei.js', 'build', '--db', path, '--run-id', 'killed-2'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Nothing was added since the last build: incremental. Killed once a firm-level model was updated in place.
    let updated = false;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (/\(incremental\)/.test(chunk.toString())) {
          updated = true;
          child.kill('SIGKILL');
        }
      });
      child.on('exit', () => resolve());
    });
    expect(updated).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');
    wh = await openWarehouse(path);
    await withConnection(wh, async (con) => {
      const after = await snapshot(con);
      for (const n of Object.keys(after).filter((k) => k.endsWith('__next'))) delete after[n];
      expect(after).toEqual(last);
      expect(await assertSingleBuild(con)).toBe('after-kill');
    });
  });
});
