import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Scale } from '../../generate/calibration.ts';
import type { GenerateOptions, OutputFormat } from '../../generate/generateExtracts.ts';
import type { Encoding } from '../../generate/lineWriter.ts';
import type { CliIo } from '../io.ts';

function intArg(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n)) throw new InvalidArgumentError('expected an integer');
  return n;
}

function rateArg(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !(n >= 0 && n <= 0.5)) throw new InvalidArgumentError('expected a rate in [0, 0.5]');
  return n;
}

interface CliOptions {
  scale: Scale;
  seed: number;
  out: string;
  from: number;
  to: number;
  format: OutputFormat;
  encoding: Encoding;
  dirty: number;
  asOf?: string;
  event: string[];
}

export function register(program: Command, io: CliIo): void {
  program
    .command('generate')
    .description(
      '生成湖州市合成数据抽取文件 (registry snapshots, enterprise indicators, plan reports) — deterministic',
    )
    .addOption(
      new Option(
        '--scale <scale>',
        'tiny (tests) | city (Huzhou-sized) | province (~3M enterprises, benchmarks)',
      )
        .choices(['tiny', 'city', 'province'])
        .default('city'),
    )
    .option('--seed <n>', 'random seed: same arguments give byte-identical files', intArg, 1)
    .requiredOption('--out <dir>', 'output directory')
    .option('--from <year>', 'first year written (registry and indicators)', intArg, 2013)
    .option('--to <year>', 'last year written', intArg, 2024)
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'xlsx', 'parquet']).default('csv'),
    )
    .addOption(new Option('--encoding <enc>', 'CSV text encoding').choices(['utf8', 'gbk']).default('utf8'))
    .option(
      '--dirty <rate>',
      'inject faults at this rate per row, listed in faults.csv (CSV only)',
      rateArg,
      0,
    )
    .option('--as-of <date>', 'date of the final snapshot inside the --to year (a partial last month)')
    .option(
      '--event <spec>',
      "multiply one month's flow: COUNTY:YYYY-MM:METRIC:FACTOR (repeatable; listed in events.csv)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .action(async (o: CliOptions) => {
      const options: GenerateOptions = {
        scale: o.scale,
        seed: o.seed,
        outDir: o.out,
        from: o.from,
        to: o.to,
        format: o.format,
        encoding: o.encoding,
        dirty: o.dirty,
        asOf: o.asOf,
        events: o.event,
      };
      const started = performance.now();
      // Loaded on use: the generator pulls in exceljs, which slows every other command's start-up.
      const { generateExtracts } = await import('../../generate/generateExtracts.ts');
      const result = await generateExtracts(options);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const totalRows = result.files.reduce((s, f) => s + (f.kind === 'faults' ? 0 : f.rows), 0);
      io.stdout.write(
        `generate: ${result.files.length} files, ${totalRows} rows, ${result.faults} faults, ` +
          `${result.entities} non-个体 entities → ${o.out} (${seconds}s)\n`,
      );
      for (const f of result.files) io.stdout.write(`  ${f.file}\t${f.rows}\n`);
    });
}
