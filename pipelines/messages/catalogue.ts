// User-facing messages live here, one entry per message, so wording is reviewed in one place and the same
// situation is always told the same way. Analysts read them: Chinese where the report is Chinese, plain English
// for operator-facing CLI text. Code throws `UserError('id', params)`; `formatError` prints it.
//
// Add an entry when you add a message; never build user-facing text inline in a command.

type Params = Record<string, string | number>;

export const CATALOGUE = {
  'cli.unexpected': (p: Params) => `${p.message}`,
  'db.not_duckdb': (p: Params) =>
    `${p.path} is not a DuckDB warehouse (${p.what}); pass --db a .duckdb file or a new path`,
  'query.no_warehouse': (p: Params) => `no warehouse at ${p.path}`,
  'query.written': (p: Params) => `query: ${p.rows} row(s) written to ${p.file}`,
  'query.out_is_database': (p: Params) =>
    `--out ${p.file} is a DuckDB database (the warehouse or another): query does not overwrite one; choose another file`,
  'query.arrow_needs_out': () => '--format arrow writes a binary file: give --out FILE',
  'query.one_statement': (p: Params) =>
    `query runs exactly one read-only statement; this SQL holds ${p.count}: nothing was run (run them one at a time)`,
  'query.not_read_only': (p: Params) =>
    `query is read-only: it runs one SELECT (or EXPLAIN), not ${p.kind}; nothing was run`,
  'query.outside_warehouse': (p: Params) =>
    `query reads the warehouse only (no files, other databases or extensions); nothing was run: ${p.problem}`,
  'db.no_warehouse': (p: Params) =>
    `no warehouse at ${p.path}: run \`xiaowei ingest\` first, or pass --db the warehouse file`,
  'db.bad_setting': (p: Params) => `${p.variable}=${p.value}: ${p.reason}`,
  'db.memory_limit_form': () =>
    'expected an amount of memory such as 4GB, 1.5GB or 512MB (a number and a unit: KB, MB, GB, TB, KiB, MiB, GiB or TiB), at least 64MB',
  'db.threads_form': (p: Params) => `expected a whole number of threads from 1 to ${p.max}`,
  'db.temp_dir_form': () => 'expected a folder for DuckDB to spill to (it is created if missing), not a file',
  'candidates.no_filings': (p: Params) =>
    `${p.year} 年没有企业年度经营指标，未生成候选名单（已入库年份：${p.years}）/ no enterprise filings for ${p.year}: nothing written`,
  'candidates.not_built': (p: Params) =>
    `成长路径表尚未包含 ${p.year} 年的填报，请先运行 xiaowei build / the growth-path marts do not hold ${p.year}'s filings: run \`xiaowei build\` first`,
  'candidates.unknown_version': (p: Params) =>
    `方法版本 ${p.version} 未在仓库中构建 / methodology version ${p.version} was not built into this warehouse`,
  'candidates.audience': () =>
    '内部资料：企业名单仅限市市场监管局、市经信委、市金融办及各区县对应部门负责小微企业培育库的工作人员使用，不得公开，不得放入公开报告、看板或其数据文件。',
  'serve.internal_dir': (p: Params) =>
    `${p.dir} 是内部资料目录（企业名单），xiaowei serve 不提供 / refusing to serve internal output (enterprise lists)`,

  // ingest: why a file is rejected whole (printed after the file name)
  'ingest.cannot_read': (p: Params) => `cannot read the file (${p.problem})`,
  'ingest.symlink': () =>
    'symbolic link: not followed (ingest reads regular files only; copy the file itself into place)',
  'ingest.not_a_file': () => 'not a regular file',
  'ingest.empty_file': () => 'empty file (0 bytes)',
  'ingest.zip_not_xlsx': (p: Params) => `zip archive that is not an .xlsx workbook (${p.ext})`,
  'ingest.legacy_xls': () => 'legacy Excel 97–2003 (.xls) workbook: save it as .xlsx or CSV',
  'ingest.binary': () => 'binary content: not a CSV, TSV, XLSX, Parquet or Arrow file',
  'ingest.unreadable': (p: Params) => `${p.problem}`,
  'ingest.unknown_encoding': (p: Params) =>
    `unknown text encoding: neither UTF-8 nor GBK/GB18030 (${p.bad} of ${p.lines} lines cannot be decoded, the first on line ${p.first})`,
  'ingest.cannot_parse': (p: Params) => `cannot parse the ${p.format} file (${p.problem})`,
  'ingest.xlsx_refused': (p: Params) => `workbook refused: ${p.problem}`,
  'ingest.xlsx_not_zip': () => 'not a readable zip archive',
  'ingest.xlsx_too_big': (p: Params) =>
    `${p.entry} inflates to ${p.bytes} bytes, over the limit for a workbook (see pipelines/ingest/README.md)`,
  'ingest.xlsx_ratio': (p: Params) =>
    `${p.entry} inflates ${p.ratio}× (a real sheet compresses less than ${p.max}×): a zip bomb or a giant cell`,
  'ingest.xlsx_cell_too_long': (p: Params) =>
    `sheet ${p.sheet}, row ${p.row}, column ${p.column}: a cell of ${p.chars} characters (Excel's limit is ${p.max})`,
  'ingest.bad_header': (p: Params) => `${p.problem}`,
  'ingest.no_header': () => 'no header row: the file has no non-blank line',
  'ingest.no_known_column': (p: Params) => `no known column in header row (${p.headers}…)`,
  'ingest.missing_columns': (p: Params) => `missing required column(s) for ${p.kind}: ${p.columns}`,
  'ingest.duplicate_header': (p: Params) =>
    `column ${p.column} is named twice in the header (columns ${p.headers}): remove one, it cannot be told which is right`,
  'ingest.unit_conflict': (p: Params) =>
    `the unit line on line ${p.line} (${p.text}) names more than one money unit: say which one the amounts are in`,
  'ingest.no_extract_date': () =>
    'registry snapshot without an extract date: name the file like registry_YYYY-MM-DD.csv or add an as_of (截止日期) column',
  'ingest.two_name_dates': (p: Params) =>
    `registry file name carries two dates (${p.dates}), so its extract date is ambiguous: rename it to carry only the extract date, or add an as_of (截止日期) column`,
  'ingest.no_regions': () =>
    'reference table ref.regions is missing: load the reference tables before ingesting',
  'ingest.snapshot_exists': (p: Params) =>
    `registry snapshot ${p.as_of} is already loaded from ${p.source_file} (${p.old_rows} rows); this file's ${p.new_rows} rows for that date differ in ${p.differing} row(s). A snapshot is the whole register on its date, so it is not replaced: nothing from this file was loaded (load a correction into a fresh warehouse, or give the file its own extract date)`,
  'ingest.rolled_back': (p: Params) =>
    `load failed and was rolled back, nothing from this file was kept (${p.problem})`,
  'ingest.unexpected': (p: Params) => `unexpected error (${p.problem})`,
  'ingest.no_files': () => 'ingest: no files found',
  'ingest.files_rejected': (p: Params) =>
    `ingest: ${p.count} file(s) rejected (see above; logged in ops.ingest_log)`,
  // ingest: outcomes and notes (one printed line each under the file's summary line)
  'ingest.same_content': (p: Params) =>
    `same content (sha256 ${p.sha}…) already loaded from ${p.file} at ${p.at}; nothing changed`,
  'ingest.sidecar_skipped': () =>
    'not an extract by its name (faults.csv, events.csv, manifest*, readme*, hidden file); name it on the command line to load it',
  'ingest.summary_quarantined': (p: Params) => `${p.count} row(s) quarantined`,
  'ingest.summary_duplicates': (p: Params) => `${p.count} exact duplicate row(s) dropped`,
  'ingest.note_above_header': (p: Params) => `line ${p.line} skipped above the header: ${p.text}`,
  'ingest.note_unit_line': (p: Params) =>
    `line ${p.line} skipped above the header: unit line ${p.text}: amount columns without a unit in their header are in ${p.unit}`,
  'ingest.note_unit_ignored': (p: Params) =>
    `the unit line on line ${p.line} is ignored: plan values (数值) are in each indicator's own unit`,
  'ingest.note_undecodable_above_header': (p: Params) =>
    `line ${p.line} skipped above the header: it cannot be decoded`,
  'ingest.note_blank_lines': (p: Params) => `${p.count} blank line(s) skipped (not read): ${p.lines}`,
  'ingest.note_unknown_columns': (p: Params) => `ignored unknown column(s): ${p.columns}`,
  'ingest.note_totals_rows': (p: Params) =>
    `${p.count} totals row(s) (合计/总计/小计) dropped, not loaded as enterprises: line(s) ${p.lines}`,
  'ingest.note_name_dates_ignored': (p: Params) =>
    `the file name carries several dates (${p.dates}); each row's as_of (截止日期) value is its extract date`,
  'ingest.note_snapshot_same': (p: Params) =>
    `registry snapshot ${p.as_of} is already loaded from ${p.file} with the same rows; loaded again as that snapshot`,
  'ingest.note_sheet_read': (p: Params) => `read sheet ${p.sheet}`,
  'ingest.note_sheet_skipped': (p: Params) =>
    `sheet ${p.sheet} skipped: no header in its first ${p.rows} non-empty rows`,
  'ingest.note_sheet_unread': (p: Params) => `sheet ${p.sheet} not read: the data sheet comes before it`,
  'runs.bad_id': (p: Params) => `not a run id: ${p.id} (expected e.g. 20260130T180000-ab12)`,
  'runs.unknown': (p: Params) => `no run ${p.id} in ${p.dir} (see \`xiaowei runs\`)`,
  'run.warehouse_changed': (p: Params) =>
    `the published warehouse ${p.db} changed while the run was working; not publishing`,
  'run.wal_pending': (p: Params) =>
    `a DuckDB write-ahead log is pending beside ${p.db} or the work copy; not publishing`,
  'run.lock_contended': (p: Params) => `could not take the run lock ${p.lock} after 3 attempts`,
  'serve.no_site': (p: Params) =>
    `${p.dir} 中没有 index.html，请先运行 xiaowei site (no index.html: run \`xiaowei site\` first)`,
  'composite.group_needed': (p: Params) =>
    `--impute group-mean needs --group <column>; Group columns in iMeta: ${p.known}`,
  'composite.base_year_needed': () => '--normalise baseyear needs --base-year <year>',
  'build.no_index_rows': () =>
    '指数表为空，请先运行 xiaowei build (mart.growth_index is empty: run `xiaowei build` first)',
  'build.no_index_rows_for_version': (p: Params) => `方法版本 ${p.version} 没有指数数据 (no index rows)`,
  'ref.no_city': () => 'ref.regions 中没有市级行 (no city row in ref.regions)',
  'report.unknown_county': (p: Params) => `未知区县代码 ${p.code} (unknown county code)`,
  'site.year_not_covered': (p: Params) =>
    `看板没有 ${p.year} 年（可选年份：${p.years}），未生成看板 / the dashboard has no year ${p.year} (years: ${p.years}); nothing written`,
  'report.year_not_covered': (p: Params) =>
    `${p.year} 年不在数据覆盖范围内（仓库中有 ${p.first}—${p.last} 年），未生成报告 / the warehouse has no data for ${p.year} (it covers ${p.first}–${p.last}); nothing written`,
  'report.no_data': (p: Params) =>
    `仓库中没有方法版本 ${p.version} 的指数或企业人口数据，请先运行 xiaowei build / no index or demography rows for methodology ${p.version}: run \`xiaowei build\` first`,
  'publish.guard_summary': (p: Params) =>
    `发布检查 guard: ${p.scanned} files scanned (${p.skipped} binary/vendored not scanned), nothing found; withheld cells: ${p.primary} primary, ${p.secondary} secondary`,
  'publish.guard_failed': (p: Params) =>
    `发布检查未通过，${p.root} 未写入任何文件（${p.count} 处）/ publication guard found ${p.count} problem(s); nothing of ${p.root} was published:\n${p.findings}`,
  'uncertainty.bad_option': (p: Params) => `--${p.option} ${p.value}: expected ${p.expected}`,
  'uncertainty.not_built': (p: Params) =>
    `the warehouse has no built rankings to analyse (${p.missing}); run \`xiaowei build\` first`,
  'uncertainty.done': (p: Params) =>
    `uncertainty ${p.versions}: ${p.intervals} rank intervals, ${p.drop_one} drop-one rows, ${p.sobol} Sobol indices; ${p.checks} checks passed`,
  'report.mixed_build': (p: Params) =>
    `the warehouse's tables do not come from one logged build (${p.builds}); run \`xiaowei build\`, then report`,
  'methodology.unknown_variable': (p: Params) =>
    `${p.file}: ${p.path}: unknown input variable "${p.variable}" (mart.index_inputs computes: ${p.known})`,
  'methodology.duplicate_version': (p: Params) =>
    `${p.file}: version: ${p.version} is also the version of ${p.other}; each methodology file needs its own version`,
  'monitor.not_built': (p: Params) =>
    `${p.path} 中没有月度监测表，请先运行 xiaowei build (mart.monthly_flows is missing: run \`xiaowei build\` first)`,
  'monitor.no_months': (p: Params) =>
    `${p.path} 的登记快照没有覆盖任何月份，无法监测 (mart.monthly_flows is empty: ingest a registry snapshot and build)`,
  'monitor.month_invalid': (p: Params) => `--month ${p.month}: 应为 YYYY-MM 格式的月份，例如 2020-06`,
  'monitor.month_not_covered': (p: Params) =>
    `${p.month} 不在数据覆盖范围内：月度数据覆盖 ${p.first} 至 ${p.last}（登记快照 ${p.asOf}）`,
} satisfies Record<string, (p: Params) => string>;

export type MessageId = keyof typeof CATALOGUE;

/** An error whose text comes from the catalogue: printed as is, without a stack trace. */
export class UserError extends Error {
  constructor(
    readonly id: MessageId,
    readonly params: Params = {},
  ) {
    super(CATALOGUE[id](params));
    this.name = 'UserError';
  }
}

/** The text of catalogue message `id`, for output that is not an error (warnings, notes). */
export function message(id: MessageId, params: Params = {}): string {
  return CATALOGUE[id](params);
}
