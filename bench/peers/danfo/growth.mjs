// Growth index (methodology v1 §3, with the §1, §2 and §7 rules) computed the way a JavaScript analyst would
// with danfojs-node: an independent re-implementation for `npm run bench`, read straight from the generated
// CSV extracts and the reference CSVs; writes one CSV row per (year, region, level, code).
//
// danfo does the reading (readCSV), column selection, concatenation, frame building, row filtering and the
// group-by sums and counts. It has no as-of join and its merge is row-object based, so the per-firm lookups
// (latest snapshot, county at year end, the filing of a year) use plain Maps, as an analyst would.
// Assumes clean extracts (no --dirty faults).
//
// Usage: node bench/peers/danfo/growth.mjs DATA_DIR REFERENCE_DIR OUT_CSV
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const dfd = require('danfojs-node');
// danfo's own CSV parser, used directly (see readCsv).
const Papa = require('papaparse');

const BASE_YEAR = 2017;
const MODULES = [
  [
    'A',
    0.3,
    [
      ['A1', 'active'],
      ['A2', 'revenue_sum'],
      ['A3', 'employees_sum'],
      ['A4', 'assets_sum'],
      ['A5', 'profit_tax_sum'],
    ],
  ],
  [
    'B',
    0.25,
    [
      ['B1', 'asset_turnover'],
      ['B2', 'tech_staff_share'],
      ['B3', 'rd_intensity'],
      ['B4', 'labour_productivity'],
    ],
  ],
  [
    'C',
    0.3,
    [
      ['C1', 'births'],
      ['C2', 'conversions'],
      ['C3', 'upgrades'],
      ['C4', 'survival_3y'],
    ],
  ],
  [
    'D',
    0.15,
    [
      ['D1', 'plan_12'],
      ['D2', 'plan_15_16'],
      ['D3', 'plan_17'],
      ['D4', 'plan_18_19'],
    ],
  ],
];
const REGISTRY_COLS = {
  统一社会信用代码: 'uscc',
  市场主体类型: 'entity_type',
  成立日期: 'established_on',
  登记状态: 'status',
  '注销（吊销）日期': 'closed_on',
  行政区划代码: 'county_code',
  国民经济行业代码: 'industry_code',
  是否个转企: 'converted',
  个转企日期: 'converted_on',
};
const INDICATOR_COLS = {
  统一社会信用代码: 'uscc',
  年度: 'year',
  从业人员: 'employees',
  '营业收入（万元）': 'revenue',
  '资产总额（万元）': 'assets',
  '利润总额（万元）': 'profit',
  '纳税总额（万元）': 'tax',
  '研发费用（万元）': 'rd',
  科技人员: 'tech_staff',
  是否规上: 'above_scale',
};
const PLAN_COLS = {
  年度: 'year',
  季度: 'quarter',
  行政区划代码: 'region_code',
  指标序号: 'indicator_no',
  数值: 'value',
};

const [dataDir, refDir, outPath] = process.argv.slice(2);

/**
 * Reads every extract matching `re` with danfo, keeps and renames the columns, adds the file name. danfo's
 * `concat` overflows the call stack on city-scale frames (it appends with push.apply), so the per-file frames
 * are appended column by column into plain arrays: { shape: [rows], get: { column: values[] } }.
 */
/**
 * danfo's readCSV hands a Node read stream to papaparse without an encoding, so a multi-byte UTF-8 character
 * split across two chunks comes out as U+FFFD (e.g. 个��独资企业) and those rows silently change meaning.
 * The workaround: read the text whole and parse it with papaparse, then build the danfo DataFrame.
 */
function readCsv(path) {
  const parsed = Papa.parse(readFileSync(path, 'utf8'), {
    header: true,
    dynamicTyping: false,
    skipEmptyLines: true,
  });
  return new dfd.DataFrame(parsed.data);
}

async function readExtracts(re, columns) {
  const names = [...Object.values(columns), 'source_file'];
  const out = Object.fromEntries(names.map((c) => [c, []]));
  for (const f of readdirSync(dataDir)
    .filter((n) => re.test(n))
    .sort()) {
    let df = readCsv(join(dataDir, f));
    df = df.loc({ columns: Object.keys(columns) });
    df.rename(columns, { inplace: true });
    df.addColumn('source_file', new Array(df.shape[0]).fill(f), { inplace: true });
    for (const c of names) {
      const values = df[c].values;
      const target = out[c];
      for (let i = 0; i < values.length; i++) target.push(values[i]);
    }
  }
  return { plain: true, shape: [out.source_file.length], get: out };
}

async function readRef(name) {
  return readCsv(join(refDir, name));
}

const col = (df, c) => (df.plain ? df.get[c] : df[c].values);
const str = (v) => (v === undefined || v === null || v === '' || Number.isNaN(v) ? null : String(v));
const num = (v) => (str(v) === null ? null : Number(v));
const day = (s) => (s === null ? null : Date.parse(`${s}T00:00:00Z`));
const yearOf = (t) => new Date(t).getUTCFullYear();
const endOf = (y) => Date.UTC(y, 11, 31);

const regions = await readRef('regions.csv');
const entityTypes = await readRef('entity_types.csv');
const divisions = await readRef('gbt4754_divisions.csv');
const thresholds = await readRef('sme_size_thresholds.csv');
const planRef = await readRef('plan_indicators.csv');

const isEnterprise = new Map(
  col(entityTypes, 'entity_type').map((t, i) => [t, col(entityTypes, 'is_enterprise')[i] === 'true']),
);
const sizeGroupOf = new Map(
  col(divisions, 'division').map((d, i) => [
    String(d).padStart(2, '0'),
    str(col(divisions, 'size_group')[i]),
  ]),
);
const bounds = new Map();
for (let i = 0; i < thresholds.shape[0]; i++) {
  const b = {};
  for (const tier of ['small', 'medium', 'large'])
    for (const m of ['employees', 'revenue', 'assets'])
      b[`${tier}_${m}`] = num(col(thresholds, `${tier}_${m}_min`)[i]);
  bounds.set(str(col(thresholds, 'size_group')[i]), b);
}

// --- registry snapshots (files are read in date order, so each firm's snapshots arrive sorted)
const reg = await readExtracts(/^registry_.*\.csv$/, REGISTRY_COLS);
const rf = Object.fromEntries(
  [
    'uscc',
    'entity_type',
    'established_on',
    'status',
    'closed_on',
    'county_code',
    'industry_code',
    'converted',
    'converted_on',
    'source_file',
  ].map((c) => [c, col(reg, c)]),
);
const snapshotsOf = new Map();
const snapshotYears = new Set();
for (let i = 0; i < reg.shape[0]; i++) {
  const asOf = /(\d{4}-\d{2}-\d{2})/.exec(rf.source_file[i])[1];
  if (asOf.endsWith('-12-31')) snapshotYears.add(Number(asOf.slice(0, 4)));
  const u = String(rf.uscc[i]);
  const list = snapshotsOf.get(u) ?? [];
  const snap = { asOf: day(asOf), row: i };
  if (list.length > 0 && list[list.length - 1].asOf === snap.asOf)
    list[list.length - 1] = snap; // later file wins
  else list.push(snap);
  snapshotsOf.set(u, list);
}
const sortedYears = [...snapshotYears].sort((a, b) => a - b);
const years = [];
for (let y = sortedYears[0]; y <= sortedYears[sortedYears.length - 1]; y++) years.push(y);

// --- filings
const ind = await readExtracts(/^indicators_.*\.csv$/, INDICATOR_COLS);
const ic = Object.fromEntries(Object.values(INDICATOR_COLS).map((c) => [c, col(ind, c)]));
const filingOf = new Map();
for (let i = 0; i < ind.shape[0]; i++) filingOf.set(`${ic.uscc[i]}|${Number(ic.year[i])}`, i);

/**
 * 工信部联企业〔2011〕300号: 微型 as soon as one known value is below a 小型 bound; otherwise unknown (null) if a
 * bound the industry row uses is missing from the filing, or the firm has no industry row; else 大/中/小 need
 * every bound the row lists.
 */
function sizeClass(b, emp, rev, ast) {
  const has = (v) => v !== null && v !== undefined;
  if (!b || (!has(b.small_employees) && !has(b.small_revenue) && !has(b.small_assets))) return null;
  const below = (x, t) => x !== null && has(t) && x < t;
  if (below(emp, b.small_employees) || below(rev, b.small_revenue) || below(ast, b.small_assets))
    return '微型';
  if (
    (has(b.small_employees) && emp === null) ||
    (has(b.small_revenue) && rev === null) ||
    (has(b.small_assets) && ast === null)
  )
    return null;
  const ge = (x, t) => x === null || !has(t) || x >= t;
  for (const [tier, name] of [
    ['large', '大型'],
    ['medium', '中型'],
  ])
    if (ge(emp, b[`${tier}_employees`]) && ge(rev, b[`${tier}_revenue`]) && ge(ast, b[`${tier}_assets`]))
      return name;
  return '小型';
}

/** A type missing from the reference counts as an enterprise if its USCC says 91 (企业) and it is no branch. */
function enterpriseOf(type, uscc) {
  const listed = isEnterprise.get(type);
  if (listed !== undefined) return listed;
  return uscc.startsWith('91') && !/分公司|分支/.test(type ?? '');
}

// --- enterprise-years: every year each enterprise existed at some point, with its county at 31 Dec
const E = {
  uscc: [],
  year: [],
  county_code: [],
  in_scope: [],
  alive_end: [],
  is_birth: [],
  is_conversion: [],
  is_above_scale: [],
  has_filing: [],
  closed_on: [],
  employees: [],
  revenue: [],
  assets: [],
  profit: [],
  tax: [],
  rd: [],
  tech_staff: [],
};
for (const [u, snaps] of snapshotsOf) {
  const last = snaps[snaps.length - 1].row;
  if (!enterpriseOf(str(rf.entity_type[last]), u)) continue;
  const established = day(str(rf.established_on[last]));
  const closed = day(str(rf.closed_on[last]));
  const converted = rf.converted[last] === '是';
  const convertedOn = converted ? (day(str(rf.converted_on[last])) ?? established) : null;
  const division = (/(\d{2})/.exec(String(rf.industry_code[last])) ?? [])[1];
  const b = bounds.get(sizeGroupOf.get(division) ?? null);
  for (const y of years) {
    const end = endOf(y);
    if (established > end || (closed !== null && closed < Date.UTC(y, 0, 1))) continue;
    // county (and 迁出) from the latest snapshot on or before 31 Dec; a firm listed later: its first county
    let county = String(rf.county_code[snaps[0].row]);
    let movedOutAtEnd = false;
    for (const s of snaps)
      if (s.asOf <= end) {
        county = String(rf.county_code[s.row]);
        movedOutAtEnd = rf.status[s.row] === '迁出';
      }
    const fi = filingOf.get(`${u}|${y}`);
    const v = (c) => (fi === undefined ? null : num(ic[c][fi]));
    const above = fi !== undefined && ic.above_scale[fi] === '是';
    const size = sizeClass(b, v('employees'), v('revenue'), v('assets'));
    E.uscc.push(u);
    E.year.push(y);
    E.county_code.push(county);
    E.in_scope.push(!above && (size === null || size === '小型' || size === '微型'));
    E.alive_end.push((closed === null || closed > end) && !movedOutAtEnd);
    E.is_birth.push(yearOf(established) === y && !converted);
    E.is_conversion.push(converted && yearOf(convertedOn) === y);
    E.is_above_scale.push(above);
    E.has_filing.push(fi !== undefined);
    E.closed_on.push(closed);
    for (const c of ['employees', 'revenue', 'assets', 'profit', 'tax', 'rd', 'tech_staff']) E[c].push(v(c));
  }
}
const wasInScope = new Set();
for (let i = 0; i < E.uscc.length; i++)
  if (E.alive_end[i] && E.in_scope[i]) wasInScope.add(`${E.uscc[i]}|${E.year[i] + 1}`);

// --- place each enterprise-year in its county and in the city (the city code counts for the city only)
const rollup = new Map();
for (let i = 0; i < regions.shape[0]; i++) {
  const code = String(col(regions, 'region_code')[i]);
  const list = rollup.get(code) ?? [];
  list.push(code);
  if (col(regions, 'level')[i] === 'county') list.push(String(col(regions, 'parent_code')[i]));
  rollup.set(code, list);
}
const P = {
  year: [],
  region_code: [],
  active: [],
  births: [],
  conversions: [],
  upgrades: [],
  act: [],
  has_filing: [],
};
const keepCols = [
  'employees',
  'revenue',
  'assets',
  'profit',
  'tax',
  'rd',
  'tech_staff',
  'closed_on',
  'is_birth_scope',
];
for (const c of keepCols) P[c] = [];
for (let i = 0; i < E.uscc.length; i++) {
  for (const r of rollup.get(E.county_code[i]) ?? []) {
    const act = E.alive_end[i] && E.in_scope[i];
    P.year.push(E.year[i]);
    P.region_code.push(r);
    P.active.push(act ? 1 : 0);
    P.births.push(E.is_birth[i] && E.in_scope[i] ? 1 : 0);
    P.conversions.push(E.is_conversion[i] && E.in_scope[i] ? 1 : 0);
    P.upgrades.push(E.is_above_scale[i] && wasInScope.has(`${E.uscc[i]}|${E.year[i]}`) ? 1 : 0);
    P.act.push(act);
    P.has_filing.push(E.has_filing[i]);
    for (const c of ['employees', 'revenue', 'assets', 'profit', 'tax', 'rd', 'tech_staff'])
      P[c].push(E[c][i]);
    P.closed_on.push(E.closed_on[i]);
    P.is_birth_scope.push(E.is_birth[i] && E.in_scope[i]);
  }
}
const placed = new dfd.DataFrame({
  year: P.year,
  region_code: P.region_code,
  active: P.active,
  births: P.births,
  conversions: P.conversions,
  upgrades: P.upgrades,
});

const X = new Map(); // `${year}|${region}` → { variable: value }
const indexRegions = col(regions, 'region_code')
  .map(String)
  .filter((_, i) => ['city', 'county'].includes(col(regions, 'level')[i]))
  .sort();
for (const y of years)
  for (const r of indexRegions) X.set(`${y}|${r}`, { active: 0, births: 0, conversions: 0, upgrades: 0 });
const cell = (y, r) => X.get(`${y}|${r}`);

function groupInto(df, aggs, rename) {
  if (df.shape[0] === 0) return;
  const g = df.groupby(['year', 'region_code']).agg(aggs);
  const names = g.columns;
  for (const row of g.values) {
    const rec = Object.fromEntries(names.map((n, j) => [n, row[j]]));
    const x = cell(Number(rec.year), String(rec.region_code));
    if (!x) continue;
    for (const [from, to] of Object.entries(rename)) x[to] = rec[from];
  }
}
groupInto(
  placed,
  { active: 'sum', births: 'sum', conversions: 'sum', upgrades: 'sum' },
  {
    active_sum: 'active',
    births_sum: 'births',
    conversions_sum: 'conversions',
    upgrades_sum: 'upgrades',
  },
);

// The first data year has no t−1 to test scope in: its upgrades are unknown, not 0.
for (const r of indexRegions) cell(years[0], r).upgrades = null;

// A-module sums and B ratios over firms active at the end of t; a sum over no value is missing.
function sumWhere(name, pick, keep) {
  const year = [],
    region = [],
    value = [];
  for (let i = 0; i < P.year.length; i++) {
    if (!P.act[i]) continue;
    const v = pick(i);
    if (v === null || !keep(i)) continue;
    year.push(P.year[i]);
    region.push(P.region_code[i]);
    value.push(v);
  }
  groupInto(
    new dfd.DataFrame({ year, region_code: region, [name]: value }),
    { [name]: 'sum' },
    { [`${name}_sum`]: name },
  );
}
const has = (c) => (i) => P[c][i] !== null;
const all = () => true;
sumWhere('revenue_sum', (i) => P.revenue[i], all);
sumWhere('employees_sum', (i) => P.employees[i], all);
sumWhere('assets_sum', (i) => P.assets[i], all);
sumWhere(
  'profit_tax_sum',
  // 利税: a filing with one of the two parts still contributes that part
  (i) => (P.profit[i] === null && P.tax[i] === null ? null : (P.profit[i] ?? 0) + (P.tax[i] ?? 0)),
  all,
);
sumWhere('rev_w_assets', (i) => P.revenue[i], has('assets'));
sumWhere('assets_w_rev', (i) => P.assets[i], has('revenue'));
sumWhere('tech_w_emp', (i) => P.tech_staff[i], has('employees'));
sumWhere('emp_w_tech', (i) => P.employees[i], has('tech_staff'));
sumWhere('rd_w_rev', (i) => P.rd[i], has('revenue'));
sumWhere('rev_w_rd', (i) => P.revenue[i], has('rd'));
sumWhere('rev_w_emp', (i) => P.revenue[i], has('employees'));
sumWhere('emp_w_rev', (i) => P.employees[i], has('revenue'));
const div = (a, b) =>
  a === undefined || b === undefined || a === null || b === null || b === 0 ? null : a / b;
for (const x of X.values()) {
  x.asset_turnover = div(x.rev_w_assets, x.assets_w_rev);
  x.tech_staff_share = div(x.tech_w_emp, x.emp_w_tech);
  x.rd_intensity = div(x.rd_w_rev, x.rev_w_rd);
  x.labour_productivity = div(x.rev_w_emp, x.emp_w_rev);
}

// 3-year survival: births (in scope) of t−3 placed at birth; survivors alive at the end of t
for (const y of years) {
  const cohort = new Map();
  for (let i = 0; i < P.year.length; i++) {
    if (P.year[i] !== y - 3 || !P.is_birth_scope[i]) continue;
    const c = cohort.get(P.region_code[i]) ?? [0, 0];
    c[0]++;
    if (P.closed_on[i] === null || P.closed_on[i] > endOf(y)) c[1]++;
    cohort.set(P.region_code[i], c);
  }
  for (const [r, [n, s]] of cohort) if (cell(y, r)) cell(y, r).survival_3y = s / n;
}

// --- plan indicators D: the whole-year row, else four quarters (flows summed, stocks at Q4)
const plan = await readExtracts(/^plan_.*\.csv$/, PLAN_COLS);
const kindOf = new Map(col(planRef, 'indicator_no').map((n, i) => [Number(n), col(planRef, 'kind')[i]]));
const rows = new Map();
for (let i = 0; i < plan.shape[0]; i++) {
  const q = str(col(plan, 'quarter')[i]);
  rows.set(
    `${Number(col(plan, 'year')[i])}|${q ?? ''}|${col(plan, 'region_code')[i]}|${Number(col(plan, 'indicator_no')[i])}`,
    Number(col(plan, 'value')[i]),
  );
}
const planValue = (y, r, no) => {
  const whole = rows.get(`${y}||${r}|${no}`);
  if (whole !== undefined) return whole;
  const qs = [1, 2, 3, 4].map((q) => rows.get(`${y}|${q}|${r}|${no}`));
  if (qs.some((v) => v === undefined)) return null;
  return kindOf.get(no) === 'stock' ? qs[3] : qs.reduce((a, b) => a + b, 0);
};
const plus = (a, b) => (a === null || b === null ? null : a + b);
for (const [key, x] of X) {
  const [y, r] = key.split('|');
  x.plan_12 = planValue(Number(y), r, 12);
  x.plan_15_16 = plus(planValue(Number(y), r, 15), planValue(Number(y), r, 16));
  x.plan_17 = planValue(Number(y), r, 17);
  x.plan_18_19 = plus(planValue(Number(y), r, 18), planValue(Number(y), r, 19));
}

// --- base-year index, module means and the weighted total, renormalising over what is present
const out = ['year,region_code,level,code,raw_value,value'];
const fmt = (v) => (v === null || v === undefined || Number.isNaN(v) ? '' : String(v));
for (const y of years) {
  for (const r of indexRegions) {
    const x = cell(y, r);
    const base = cell(BASE_YEAR, r) ?? {};
    let tw = 0;
    let tv = 0;
    const moduleLines = [];
    for (const [m, w, inds] of MODULES) {
      const vals = [];
      for (const [code, variable] of inds) {
        const v = x[variable] ?? null;
        const b = base[variable] ?? null;
        const idx = v !== null && b !== null && v > 0 && b > 0 ? (100 * v) / b : null;
        if (idx !== null) vals.push(idx);
        out.push(`${y},${r},indicator,${code},${fmt(v)},${fmt(idx)}`);
      }
      const mv = vals.length ? vals.reduce((a, c) => a + c, 0) / vals.length : null;
      moduleLines.push(`${y},${r},module,${m},,${fmt(mv)}`);
      if (mv !== null) {
        tw += w;
        tv += w * mv;
      }
    }
    out.push(...moduleLines, `${y},${r},total,total,,${fmt(tw > 0 ? tv / tw : null)}`);
  }
}
writeFileSync(outPath, `${out.join('\n')}\n`);
