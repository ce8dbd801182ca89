import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { register as registerBuild } from './build.ts';
import { register as registerCandidates } from './candidates.ts';
import { register as registerComposite } from './composite.ts';
import { register as registerDemo } from './demo.ts';
import { register as registerGenerate } from './generate.ts';
import { register as registerIngest } from './ingest.ts';
import { register as registerMonitor } from './monitor.ts';
import { register as registerQuery } from './query.ts';
import { register as registerReport } from './report.ts';
import { register as registerRun } from './run.ts';
import { register as registerRuns } from './runs.ts';
import { register as registerSchedule } from './schedule.ts';
import { register as registerServe } from './serve.ts';
import { register as registerSite } from './site.ts';
import { register as registerStatus } from './status.ts';
import { register as registerUncertainty } from './uncertainty.ts';

type Register = (program: Command, io: CliIo) => void;

// Each command lives in its own file; this list is the one place that wires them into the CLI.
// Listed in the order of the data's journey, which is also the order `xiaowei --help` shows.
const registrations: Register[] = [
  registerDemo,
  registerGenerate,
  registerIngest,
  registerStatus,
  registerQuery,
  registerBuild,
  registerUncertainty,
  registerComposite,
  registerReport,
  registerCandidates,
  registerMonitor,
  registerSite,
  registerServe,
  registerRun,
  registerRuns,
  registerSchedule,
];

export function registerCommands(program: Command, io: CliIo): void {
  for (const register of registrations) register(program, io);
}
