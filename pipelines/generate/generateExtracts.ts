import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SCALE_FACTORS, type Scale } from './calibration.ts';
import { type Column, headerOf, INDICATOR_COLUMNS, PLAN_COLUMNS, REGISTRY_COLUMNS } from './columns.ts';
import { dayOf, isoDate } from './dates.ts';
import { registerFlows, reportRegisterFlows } from './departmentReports.ts';
import { usccOf } from './entityIdentity.ts';
import { KIND } from './entityTable.ts';
import { type EventSpec, parseEventSpec } from './eventSpec.ts';
import {
  indicatorFields,
  planFields,
  type RowContext,
  registryFields,
  sectionLetters,
} from './extractRows.ts';
import { type ExtractKind, FaultInjector, type FaultRecord } from './faultInjector.ts';
import { loadGeneratorReference } from './generatorReference.ts';
import { GrowthPathModel } from './growthPaths.ts';
import { IndicatorModel } from './indicatorModel.ts';
import { type EventRecord, eventInjector } from './injectEvents.ts';
import { CsvWriter, type Encoding, type RowWriter } from './lineWriter.ts';
import { convertCsvToParquet } from './parquetConvert.ts';
import { PLAN_YEARS, planValues } from './planRows.ts';
import { createRng } from './random.ts';
import { simulateRegister, type YearStats } from './simulateRegister.ts';
import { XlsxWriter } from './xlsxWriter.ts';

export type OutputFormat = 'csv' | 'xlsx' | 'parquet';

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  outDir: string;
  from: number;
  to: number;
  format: OutputFormat;
  encoding: Encoding;
  /** Fault rate per row, 0 = clean. */
  dirty: number;
  referenceDir?: string;
  /** Date of the final snapshot (year `to`), e.g. `2021-03-15`: a partial last month; default `to`-12-31. */
  asOf?: string;
  /** `COUNTY:YYYY-MM:METRIC:FACTOR` events multiplying one month's flow (listed in events.csv). */
  events?: string[];
}

export interface GeneratedFile {
  file: string;
  kind: ExtractKind | 'faults' | 'events';
  rows: number;
}

export interface GenerateResult {
  files: GeneratedFile[];
  faults: number;
  entities: number;
  stats: YearStats[];
  events: EventRecord[];
}

/** Random streams: separate so e.g. adding faults never changes the clean values. */
const STREAM = {
  register: 0,
  indicators: 1,
  plan: 2,
  faults: 3,
  faultFiles: 4,
  paths: 5,
  reports: 6,
  events: 7,
} as const;

/** Checks option combinations; returns a message for the analyst or null. */
export function checkGenerateOptions(o: GenerateOptions): string | null {
  if (!(o.scale in SCALE_FACTORS)) return `未知规模 --scale ${o.scale} (tiny|city|province)`;
  if (!Number.isInteger(o.from) || !Number.isInteger(o.to) || o.from < 2013 || o.to > 2030 || o.from > o.to)
    return `年份范围无效 --from ${o.from} --to ${o.to} (2013 ≤ from ≤ to ≤ 2030)`;
  if (!(o.dirty >= 0 && o.dirty <= 0.5)) return `--dirty 应在 0 到 0.5 之间: ${o.dirty}`;
  if (o.dirty > 0 && o.format !== 'csv') return '--dirty 只支持 --format csv (行号按 CSV 物理行计)';
  if (o.encoding === 'gbk' && o.format !== 'csv') return '--encoding gbk 只适用于 CSV';
  if (!Number.isInteger(o.seed) || o.seed < 0) return `--seed 应为非负整数: ${o.seed}`;
  if (o.asOf !== undefined) {
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(o.asOf);
    const valid = d !== null && isoDate(dayOf(Number(d[1]), Number(d[2]), Number(d[3]))) === o.asOf;
    if (!valid || Number(d?.[1]) !== o.to)
      return `--as-of ${o.asOf}: 应为 --to 年份 (${o.to}) 内的日期 YYYY-MM-DD，作为最后一期登记快照的日期`;
  }
  return null;
}

/**
 * Writes registry snapshots, enterprise indicators and plan reports for a synthetic Huzhou into
 * `outDir` (see pipelines/generate/README.md). Same options ⇒ byte-identical files.
 */
export async function generateExtracts(o: GenerateOptions): Promise<GenerateResult> {
  const problem = checkGenerateOptions(o);
  if (problem) throw new Error(problem);
  const ref = loadGeneratorReference(o.referenceDir);
  mkdirSync(o.outDir, { recursive: true });
  const endYear = Math.max(o.to, PLAN_YEARS[PLAN_YEARS.length - 1]);
  const regionCodes = [...ref.counties.map((c) => c.code), ref.cityCode];
  const events: EventSpec[] = [];
  for (const text of o.events ?? []) {
    const e = parseEventSpec(text, regionCodes);
    if (typeof e === 'string') throw new Error(e);
    if (e.year < 2013 || e.year > o.to)
      throw new Error(`--event ${text}: 月份应在模拟年份 2013–${o.to} 之内`);
    events.push(e);
  }
  const injector = eventInjector(events, regionCodes, createRng(o.seed, STREAM.events));
  const reg = simulateRegister(
    {
      scale: SCALE_FACTORS[o.scale],
      endYear,
      ref,
      onYearEnd: events.length > 0 ? injector.onYearEnd : undefined,
    },
    createRng(o.seed, STREAM.register),
  );
  const t = reg.table;
  const uscc = new Array<string>(t.size);
  for (let i = 0; i < t.size; i++) uscc[i] = usccOf(t, i, reg.regionCodes, o.seed);
  const ctx: RowContext = { table: t, uscc, regionCodes: reg.regionCodes, ref, seed: o.seed };
  const sections = sectionLetters(ref);

  const faults: FaultRecord[] = [];
  const faultRng = createRng(o.seed, STREAM.faults);
  const years: number[] = [];
  for (let y = o.from; y <= o.to; y++) years.push(y);
  // Whole-file faults: one registry and one indicators file in 元, one registry file cut short.
  const pickRng = createRng(o.seed, STREAM.faultFiles);
  const dirty = o.dirty > 0;
  const yuanRegistry = dirty ? years[pickRng.int(years.length)] : -1;
  const yuanIndicators = dirty ? years[pickRng.int(years.length)] : -1;
  let truncated = dirty ? years[pickRng.int(years.length)] : -1;
  if (dirty && truncated === yuanRegistry && years.length > 1)
    truncated = years[(years.indexOf(truncated) + 1) % years.length];

  const files: GeneratedFile[] = [];
  const open = (
    base: string,
    kind: ExtractKind,
    columns: Column[],
    asOfYear: number,
    yuan: boolean,
    truncate: boolean,
  ) => {
    const ext = o.format === 'xlsx' ? 'xlsx' : 'csv';
    const file = `${base}.${ext}`;
    const path = join(o.outDir, o.format === 'parquet' ? `${base}.parquet-src.csv` : file);
    const writer: RowWriter =
      o.format === 'xlsx' ? new XlsxWriter(path, base, columns) : new CsvWriter(path, o.encoding);
    writer.row(columns.map((c) => headerOf(c, yuan)));
    const inj = new FaultInjector(writer, {
      file,
      kind,
      columns,
      rate: o.dirty,
      rng: faultRng,
      asOfYear,
      truncateLast: truncate,
      faults,
    });
    if (yuan) inj.recordYuanHeader();
    let rows = 0;
    return {
      row: (fields: string[]) => {
        inj.row(fields);
        rows++;
      },
      close: async () => {
        inj.finish();
        await writer.close();
        if (o.format === 'parquet') {
          await convertCsvToParquet(path, join(o.outDir, `${base}.parquet`));
          rmSync(path);
          files.push({ file: `${base}.parquet`, kind, rows });
        } else files.push({ file, kind, rows });
      },
    };
  };

  const paths = new GrowthPathModel(t, createRng(o.seed, STREAM.paths));
  const model = new IndicatorModel(t, ref, createRng(o.seed, STREAM.indicators), paths);
  // The final snapshot may be dated inside its year; that year then has no (complete) annual filings.
  const finalAsOf = o.asOf ?? `${o.to}-12-31`;
  const partialYear = finalAsOf.endsWith('-12-31') ? null : o.to;
  // Filings are simulated through the plan's last year even when fewer are written: the departments' reports
  // of 2017–2020 follow the register's flows.
  for (let year = 2013; year <= endYear; year++) {
    const write = year >= o.from && year <= o.to;
    if (write) {
      const iso = year === o.to ? finalAsOf : `${year}-12-31`;
      const [ay, am, ad] = iso.split('-').map(Number);
      const asOf = dayOf(ay, am, ad);
      const base = `registry_${iso}`;
      const out = open(base, 'registry', REGISTRY_COLUMNS, year, year === yuanRegistry, year === truncated);
      for (let i = 0; i < t.size; i++)
        if (t.cols.est[i] <= asOf) out.row(registryFields(ctx, sections, i, asOf, year === yuanRegistry));
      await out.close();
    }
    const ind =
      write && year !== partialYear
        ? open(`indicators_${year}`, 'indicators', INDICATOR_COLUMNS, year, year === yuanIndicators, false)
        : null;
    model.advance(year, (i, f) => ind?.row(indicatorFields(ctx, i, year, f, year === yuanIndicators)));
    await ind?.close();
  }

  const plan = planValues(ref, createRng(o.seed, STREAM.plan));
  reportRegisterFlows(
    plan,
    registerFlows(t, ref, paths.upgrades),
    reg.regionCodes,
    createRng(o.seed, STREAM.reports),
  );
  for (let k = 0; k < PLAN_YEARS.length; k++) {
    const out = open(`plan_${PLAN_YEARS[k]}`, 'plan', PLAN_COLUMNS, PLAN_YEARS[k], false, false);
    for (const v of plan[k]) out.row(planFields(v));
    await out.close();
  }

  if (events.length > 0) {
    const w = new CsvWriter(join(o.outDir, 'events.csv'), 'utf8');
    w.row(['region_code', 'month', 'metric', 'factor', 'baseline', 'changed']);
    for (const r of injector.records)
      w.row([r.region_code, r.month, r.metric, String(r.factor), String(r.baseline), String(r.changed)]);
    await w.close();
    files.push({ file: 'events.csv', kind: 'events', rows: injector.records.length });
  }
  if (dirty) {
    const w = new CsvWriter(join(o.outDir, 'faults.csv'), 'utf8');
    w.row(['file', 'line', 'column', 'fault']);
    const order = new Map(files.map((f, k) => [f.file, k]));
    faults.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
    for (const f of faults) w.row([f.file, String(f.line), f.column, f.fault]);
    await w.close();
    files.push({ file: 'faults.csv', kind: 'faults', rows: faults.length });
  }
  let entities = 0;
  for (let i = 0; i < t.size; i++) if (t.cols.kind[i] !== KIND.individual) entities++;
  return { files, faults: faults.length, entities, stats: reg.stats, events: injector.records };
}
