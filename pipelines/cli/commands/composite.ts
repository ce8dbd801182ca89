import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { EngineConfigInput } from '../../engine/engineConfig.ts';
import type { EngineResult } from '../../engine/runEngine.ts';
import { UserError } from '../../messages/catalogue.ts';
import type { CliIo } from '../io.ts';

interface CompositeOptions {
  data: string;
  meta: string;
  out: string;
  denominate: boolean;
  impute: 'group-mean' | 'none';
  group?: string;
  screen: number | 'none';
  treat: 'winsor' | 'none';
  winmax: number;
  normalise: 'minmax' | 'zscore' | 'goalposts' | 'baseyear';
  baseYear?: number;
  aggregate: 'arithmetic' | 'geometric';
}

const ASEM_EXAMPLE =
  'xiaowei composite --data ../shared/conformance/asem/ASEM_iData.csv ' +
  '--meta ../shared/conformance/asem/ASEM_iMeta.csv --out out/asem --group EurAsia_group';

// Commander turns a parser's null into '', so "none" stays a string.
function parseScreen(v: string): number | 'none' {
  if (v === 'none') return 'none';
  const n = Number(v);
  if (v.trim() === '' || !(n >= 0 && n <= 1))
    throw new InvalidArgumentError('expected a number in [0, 1] or "none"');
  return n;
}

function parseIntArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected an integer');
  return n;
}

/** Turns CLI options into an engine config; errors name the option to fix. */
export function compositeConfig(o: CompositeOptions, groupColumns: string[]): EngineConfigInput {
  let impute: EngineConfigInput['impute'] = { method: 'none' };
  if (o.impute === 'group-mean') {
    if (!o.group) {
      const known =
        groupColumns.length > 0 ? groupColumns.join(', ') : '(iMeta has no Group rows; use --impute none)';
      throw new UserError('composite.group_needed', { known });
    }
    impute = { method: 'group-mean', group: o.group };
  }
  let normalise: EngineConfigInput['normalise'];
  if (o.normalise === 'baseyear') {
    if (o.baseYear === undefined) throw new UserError('composite.base_year_needed');
    normalise = { method: 'baseyear', baseYear: o.baseYear };
  } else if (o.normalise === 'goalposts') normalise = { method: 'goalposts', useTarget: true };
  else normalise = { method: o.normalise };
  return {
    denominate: o.denominate,
    impute,
    screen: o.screen === 'none' ? null : { threshold: o.screen },
    treat: o.treat === 'winsor' ? { method: 'winsor', winmax: o.winmax } : { method: 'none' },
    normalise,
    aggregate: { method: o.aggregate },
  };
}

/** Human summary of a run: units, indicators, treatment per column, imputed cells. */
export function summariseRun(r: EngineResult, files: string[]): string {
  const lines: string[] = [];
  const units = new Set(r.rows.map((x) => x.uCode)).size;
  lines.push(
    `units: ${units}${r.panel ? ` (${r.rows.length} unit-years)` : ''}; screened out: ${r.screenedOut.length}` +
      (r.screenedOut.length > 0 ? ` (${r.screenedOut.map((s) => s.uCode).join(', ')})` : ''),
  );
  lines.push(`indicators: ${r.indicatorCodes.length}; aggregates: ${r.aggregateCodes.length}`);
  const imputedByCode = new Map<string, number>();
  for (const c of r.imputed) imputedByCode.set(c.iCode, (imputedByCode.get(c.iCode) ?? 0) + 1);
  lines.push(
    `imputed cells: ${r.imputed.length}` +
      (imputedByCode.size > 0 ? ` (${[...imputedByCode].map(([c, n]) => `${c} ${n}`).join(', ')})` : ''),
  );
  const treated = r.treatment.filter((t) => t.status !== 'pass');
  lines.push(`treated columns: ${treated.length}`);
  for (const t of treated) {
    const when = t.time === null || !r.panel ? '' : ` @ ${t.time}`;
    lines.push(
      `  ${t.iCode}${when}: ${t.status}, count ${t.count}, side ${t.side ?? '-'}` +
        (t.status === 'winsorised' ? ` (${t.treatedUnits.join(', ')})` : ''),
    );
  }
  const dropped = r.rows.reduce((n, x) => n + Object.keys(x.dropped).length, 0);
  lines.push(`missing normalised cells: ${dropped}`);
  for (const f of files) lines.push(`wrote ${f}`);
  return `${lines.join('\n')}\n`;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('composite')
    .description(
      'Run the composite-index engine on a COINr-style iData/iMeta pair; writes treated.csv, normalised.csv, aggregated.csv',
    )
    .requiredOption(
      '--data <file>',
      'iData CSV: uCode, optional uName/Time, group, denominator and indicator columns',
    )
    .requiredOption(
      '--meta <file>',
      'iMeta CSV: Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent, Type',
    )
    .requiredOption('--out <dir>', 'output directory (created if needed; files replaced atomically)')
    .option('--no-denominate', 'do not divide indicators by their iMeta Denominator column')
    .addOption(
      new Option('--impute <method>', 'imputation: group mean within --group, or none')
        .choices(['group-mean', 'none'])
        .default('group-mean'),
    )
    .option('--group <column>', 'Group column for group-mean imputation (required with --impute group-mean)')
    .option(
      '--screen <threshold>',
      'keep units with data availability ≥ threshold (0..1), or "none"',
      parseScreen,
      0.9,
    )
    .addOption(
      new Option('--treat <method>', 'outlier treatment: winsorise then log fallback, or none')
        .choices(['winsor', 'none'])
        .default('winsor'),
    )
    .option('--winmax <n>', 'maximum number of winsorised points per column', parseIntArg, 5)
    .addOption(
      new Option('--normalise <method>', 'normalisation (goalposts uses iMeta Target as the good end)')
        .choices(['minmax', 'zscore', 'goalposts', 'baseyear'])
        .default('minmax'),
    )
    .option('--base-year <year>', 'base year for --normalise baseyear (needs a Time column)', parseIntArg)
    .addOption(
      new Option('--aggregate <method>', 'weighted mean used at every level')
        .choices(['arithmetic', 'geometric'])
        .default('arithmetic'),
    )
    .addHelpText(
      'after',
      `\nDefaults reproduce METHOD.md's ASEM pipeline (COINr 1.1.14); from the repository root:\n  ${ASEM_EXAMPLE}\n`,
    )
    .action(async (opts: CompositeOptions) => {
      // Loaded on use (the engine pulls in zod), so that `xiaowei --help` starts without it.
      const [{ formatOutputs }, { readIData }, { readIMeta }, { runEngine }, { writeOutputFiles }] =
        await Promise.all([
          import('../../engine/formatOutputs.ts'),
          import('../../engine/readIData.ts'),
          import('../../engine/readIMeta.ts'),
          import('../../engine/runEngine.ts'),
          import('../../engine/writeOutputFiles.ts'),
        ]);
      const meta = readIMeta(readFileSync(opts.meta, 'utf8'), opts.meta);
      const data = readIData(readFileSync(opts.data, 'utf8'), opts.data, meta);
      const groups = meta.filter((m) => m.type === 'Group').map((m) => m.iCode);
      const result = runEngine(data, meta, compositeConfig(opts, groups));
      const written = writeOutputFiles(opts.out, { ...formatOutputs(result) }, String(process.pid));
      io.stdout.write(summariseRun(result, written));
    });
}
