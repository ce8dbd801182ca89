import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { generateExtracts } from '../../pipelines/generate/generateExtracts.ts';
import { ingestFiles } from '../../pipelines/ingest/ingestFiles.ts';
import { methodologyPath } from '../../pipelines/methodology/loadMethodology.ts';
import { type BuildSummary, buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { EXTENDED_MODELS, INCREMENTAL_MODELS } from '../../pipelines/models/incrementalModels.ts';
import { readModels } from '../../pipelines/models/modelFile.ts';
import { ensureReferenceTables } from '../../pipelines/reference/loadReference.ts';
import { fixedNow } from '../e2e/generatedWarehouse.ts';

// A yearly run adds one year's extracts to a warehouse built before and builds again: incrementally, the
// firm-year models updated from what the added files change (pipelines/models/incrementalModels.ts). What it
// publishes must not depend on that history: the marts after "build, add 2024, build" must be byte for byte those
// of one full build over every extract at once. Both warehouses end with a build of the same run id, so the
// comparison covers every column of every model, its build stamp included. The 2023 and 2024 registry files are
// edited first so that the added year holds each case the firm-year updates must get right: firms that disappear
// (alive in 2023, absent in 2024), reappear (absent in 2023 only) and move county. Later steps add a revised
// filing for an earlier year (still incremental), a revised earlier snapshot and a methodology change (both full).
const LAST_YEAR = 2024;
const COUNTIES = ['330502', '330503', '330521', '330522', '330523'];
let dir: string;
let extracts: string;
let incremental: Warehouse;
let full: Warehouse;
let yearly: BuildSummary;

const isLastYear = (name: string) => name.includes(`_${LAST_YEAR}`);

/** A registry file's data lines by USCC, of the well-formed rows of firms in business (每行 13 fields). */
function registryLines(file: string): { header: string; lines: string[]; active: Set<string> } {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n');
  const active = new Set(
    lines
      .map((l) => l.split(','))
      .filter((f) => f.length === 13 && f[0].length === 18 && f[4] === '在业')
      .map((f) => f[0]),
  );
  return { header, lines, active };
}

function writeLines(file: string, header: string, lines: string[]) {
  writeFileSync(file, [header, ...lines].join('\n'));
}

/** A county other than `county`: the i-th of the others. */
const otherCounty = (county: string, i: number) => COUNTIES.filter((c) => c !== county)[i];

/**
 * Edits the generated 2022–2024 registry files so that the added year holds each case (see above), and each case of
 * the history a yearly build extends (statements/incremental/extend/stg_registry_history.sql): a firm going back to
 * the state it had before (A → B → A, made a "returning" firm by the added year), one that went back before and is
 * seen again in it, and one that went back before and changes again.
 */
function editRegistry() {
  const file = (y: number) => join(extracts, `registry_${y}-12-31.csv`);
  const [y21, y22, y23, y24] = [2021, 2022, 2023, 2024].map((y) => registryLines(file(y)));
  const steady = [...y24.active]
    .filter((u) => y21.active.has(u) && y22.active.has(u) && y23.active.has(u))
    .sort();
  expect(steady.length).toBeGreaterThan(20);
  const uscc = (l: string) => l.split(',')[0];
  const reappearing = new Set(steady.slice(0, 3));
  const disappearing = new Set(steady.slice(3, 6));
  const moving = new Map(steady.slice(6, 9).map((u, i) => [u, i]));
  const goingBack = new Map(steady.slice(9, 12).map((u, i) => [u, i]));
  const wentBack = new Map(steady.slice(12, 15).map((u, i) => [u, i]));
  const wentBackMoving = new Map(steady.slice(15, 18).map((u, i) => [u, i]));
  /** The lines with the county of the firms `county` gives one for (by its original county and index). */
  const recounty = (lines: string[], county: (u: string, original: string) => string | undefined) =>
    lines.map((l) => {
      const f = l.split(',');
      const c = county(f[0], f[6]);
      if (c === undefined) return l;
      f[6] = c;
      return f.join(',');
    });
  const away = (sets: Map<string, number>[]) => (u: string, original: string) => {
    const i = sets.map((s) => s.get(u)).find((x) => x !== undefined);
    return i === undefined ? undefined : otherCounty(original, i);
  };
  writeLines(file(2022), y22.header, recounty(y22.lines, away([wentBack, wentBackMoving])));
  writeLines(
    file(2023),
    y23.header,
    recounty(
      y23.lines.filter((l) => !reappearing.has(uscc(l))),
      away([goingBack]),
    ),
  );
  writeLines(
    file(2024),
    y24.header,
    recounty(
      y24.lines.filter((l) => !disappearing.has(uscc(l))),
      (u, original) => {
        const i = moving.get(u);
        if (i !== undefined) return otherCounty(original, i);
        const j = wentBackMoving.get(u);
        return j === undefined ? undefined : otherCounty(original, j + 1);
      },
    ),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xw-incr-'));
  extracts = join(dir, 'extracts');
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
  editRegistry();
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
  yearly = await buildWarehouse(incremental, { runId: 'with-2024', now: fixedNow });

  full = await openWarehouse(join(dir, 'full.duckdb'));
  await withConnection(full, ensureReferenceTables);
  await ingestFiles(full, files, { now: fixedNow });
  await buildWarehouse(full, { runId: 'with-2024', now: fixedNow, incremental: false });
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

const count = async (wh: Warehouse, sql: string) =>
  (await withConnection(wh, (con) => readRows(con, z.object({ n: z.number() }), sql)))[0].n;

const models = readModels(join(REPO_ROOT, 'sql'), ['models']).map((m) => m.name);

/** Every model and every other table a build writes whose export differs between the two warehouses. */
async function differences(tag: string): Promise<string[]> {
  const list = (wh: Warehouse) =>
    withConnection(wh, (con) => readRows(con, builtTable, readSql('statements/ops/built_tables.sql')));
  const names = (await list(full)).map((t) => t.name).filter((n) => n !== 'mart.revisions');
  expect((await list(incremental)).map((t) => t.name).filter((n) => n !== 'mart.revisions')).toEqual(names);
  expect(names.length).toBeGreaterThan(40);
  const differing: string[] = [];
  for (const name of names) {
    const a = await exportHash(incremental, name, `${tag}-incremental`);
    const b = await exportHash(full, name, `${tag}-full`);
    if (a.sha !== b.sha || a.rows !== b.rows) differing.push(name);
  }
  return differing;
}

/** Ingests one file into both warehouses, builds the one incrementally if it may, the other in full. */
async function addAndBuild(file: string, runId: string, methodologies?: string[]): Promise<BuildSummary> {
  for (const wh of [incremental, full]) await ingestFiles(wh, [file], { now: fixedNow });
  await buildWarehouse(full, { runId, now: fixedNow, methodologies, incremental: false });
  return buildWarehouse(incremental, { runId, now: fixedNow, methodologies });
}

/** A copy of one generated file under revised/ (as `as`: the name gives kind and date), lines changed by `edit`. */
function revised(name: string, edit: (fields: string[], i: number) => string[], as = name): string {
  const [header, ...lines] = readFileSync(join(extracts, name), 'utf8').split('\n');
  mkdirSync(join(dir, 'revised'), { recursive: true });
  const file = join(dir, 'revised', as);
  writeLines(
    file,
    header,
    lines.filter((l) => l.includes(',')).map((l, i) => edit(l.split(','), i).join(',')),
  );
  return file;
}

describe('a yearly run: build, add a year, build again = one build over every extract', () => {
  it('took the incremental path for the firm-year models, and only for them', () => {
    expect(yearly.mode).toBe('incremental');
    expect(yearly.modeReason).toMatch(/registry snapshot 2024-12-31 added after 2023-12-31/);
    expect(yearly.models.filter((m) => m.incremental).map((m) => m.model)).toEqual([
      ...INCREMENTAL_MODELS.keys(),
    ]);
    expect(yearly.models.filter((m) => m.extended).map((m) => m.model)).toEqual([...EXTENDED_MODELS.keys()]);
  });

  it('the added year holds firms going back to an earlier state, and firms that went back before it', async () => {
    const [cases] = await withConnection(full, (con) =>
      readRows(
        con,
        z.object({ going_back: z.number(), went_back: z.number(), went_back_moving: z.number() }),
        `with s as (
           select *, lag(county_code, 1) over w as c1, lag(county_code, 2) over w as c2, lag(county_code, 3) over w as c3
           from staging.stg_registry_history
           window w as (partition by uscc order by valid_from)
         )
         select
           count(*) filter (where valid_from = '2024-12-31' and c2 = county_code and c1 <> county_code)::integer
             as going_back,
           count(*) filter (where valid_from = '2023-12-31' and last_seen_on = '2024-12-31' and c2 = county_code
             and c1 <> county_code)::integer as went_back,
           count(*) filter (where valid_from = '2024-12-31' and c3 = c1 and c2 <> c1
             and county_code not in (c1, c2))::integer as went_back_moving,
         from s where is_current`,
      ),
    );
    expect(cases.going_back).toBeGreaterThanOrEqual(3);
    expect(cases.went_back).toBeGreaterThanOrEqual(3);
    expect(cases.went_back_moving).toBeGreaterThanOrEqual(3);
  });

  it('the added year holds firms that disappear, reappear, move county, change size or close, and new firms', async () => {
    const snapshot = (y: number) => `(select uscc from raw.registry where as_of = '${y}-12-31')`;
    // In business at the end of 2023 by its state, missing from the 2024 snapshot.
    expect(
      await count(
        full,
        `select count(*)::integer as n from mart.enterprise_year
         where year = 2023 and alive_end and uscc not in ${snapshot(2024)}
         and uscc in (select uscc from staging.stg_entities where closed_on is null)`,
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        full,
        `select count(*)::integer as n from ${snapshot(2022)} as a
         where uscc in ${snapshot(2024)} and uscc not in ${snapshot(2023)}`,
      ),
    ).toBeGreaterThanOrEqual(3);
    const changed = (column: string) =>
      count(
        full,
        `select count(*)::integer as n from mart.enterprise_year as a
         inner join mart.enterprise_year as b on a.uscc = b.uscc and a.year = 2023 and b.year = 2024
         where a.${column} is distinct from b.${column}`,
      );
    expect(await changed('county_code')).toBeGreaterThanOrEqual(3);
    expect(await changed('size_class')).toBeGreaterThan(0);
    // Firms whose entity row the added snapshot changes in what their earlier years show (a closure, a new type):
    // the incremental build must find them (statements/incremental/changed_entities.sql) and recompute those years.
    expect(
      await count(
        full,
        `select count(*)::integer as n from raw.registry as n
         inner join raw.registry as o on n.uscc = o.uscc and o.as_of = '2023-12-31'
         where n.as_of = '2024-12-31'
         and (n.closed_on is distinct from o.closed_on or n.entity_type is distinct from o.entity_type)`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        full,
        'select count(*)::integer as n from mart.enterprise_year where year = 2024 and is_birth',
      ),
    ).toBeGreaterThan(0);
  });

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

describe('after the yearly run', () => {
  it('a late or revised filing for an earlier year stays incremental, and equal to a full build', async () => {
    // 15 firms' 2022 filings again, one more employee each: their every year is recomputed.
    const file = revised('indicators_2022.csv', (f, i) =>
      i < 15 && /^\d+$/.test(f[2]) ? f.with(2, String(Number(f[2]) + 1)) : f,
    );
    const summary = await addAndBuild(file, 'late-filings');
    expect(summary.mode).toBe('incremental');
    expect(await differences('late')).toEqual([]);
    expect(
      await count(
        incremental,
        "select count(*)::integer as n from staging.stg_enterprise_indicators where source_file like '%revised%'",
      ),
    ).toBeGreaterThan(5);
  });

  it('a snapshot dated before the last one built falls back to a full build, equal to one', async () => {
    // Ingest refuses a second snapshot of a date already loaded; one of an earlier date not loaded yet (mid-2022,
    // three firms in another county than at the end of 2022) changes the states after it.
    const file = revised(
      'registry_2022-12-31.csv',
      (f, i) => (i > 0 && i < 4 && f.length === 13 ? f.with(6, COUNTIES.find((c) => c !== f[6]) ?? f[6]) : f),
      'registry_2022-06-30.csv',
    );
    const summary = await addAndBuild(file, 'mid-2022');
    expect(summary.mode).toBe('full');
    expect(summary.modeReason).toMatch(/registry snapshot added \(2022-06-30\) is not dated after/);
    expect(summary.models.some((m) => m.incremental)).toBe(false);
    expect(await differences('mid-2022')).toEqual([]);
  });

  it('a changed methodology falls back to a full build, equal to one', async () => {
    const m = JSON.parse(readFileSync(methodologyPath('v1'), 'utf8'));
    m.indices.vitality.modules[2].weight *= 2;
    const file = join(dir, 'v1-reweighted.json');
    writeFileSync(file, JSON.stringify(m));
    const summary = await buildWarehouse(incremental, {
      runId: 'reweighted',
      now: fixedNow,
      methodologies: [file],
    });
    await buildWarehouse(full, {
      runId: 'reweighted',
      now: fixedNow,
      methodologies: [file],
      incremental: false,
    });
    expect(summary.mode).toBe('full');
    expect(summary.modeReason).toBe('the methodology changed');
    expect(await differences('reweighted')).toEqual([]);
    // The same methodology again, nothing added: incremental, nothing to recompute, still equal.
    const again = await buildWarehouse(incremental, { runId: 'again', now: fixedNow, methodologies: [file] });
    await buildWarehouse(full, { runId: 'again', now: fixedNow, methodologies: [file], incremental: false });
    expect(again.mode).toBe('incremental');
    expect(await differences('again')).toEqual([]);
  });
});
