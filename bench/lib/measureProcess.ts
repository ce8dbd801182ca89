import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type ProcStat, parseProcStat, processTree, treeRssBytes } from './procStat.ts';
import { parseTimeOutput, TIME_FORMAT } from './timeOutput.ts';

export interface Measurement {
  label: string;
  wallSeconds: number;
  /** user + sys CPU seconds of the whole process tree */
  cpuSeconds: number;
  /** peak of the summed RSS of the whole process tree, sampled */
  peakTreeRssBytes: number;
  exitCode: number;
  cpuMethod: '/usr/bin/time' | '/proc samples';
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** sampling interval for the RSS sum, ms */
  sampleMs?: number;
  /** ticks per second of /proc CPU times (getconf CLK_TCK) and page size (getconf PAGESIZE) */
  clockTicks: number;
  pageBytes: number;
  /** a folder for /usr/bin/time's output file */
  workDir: string;
  /** monotonic clock, injected: ms */
  monotonicMs: () => number;
}

const TIME_BIN = '/usr/bin/time';

function readAllStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (s) out.push(s);
    } catch {
      // The process ended between readdir and read: it no longer uses memory.
    }
  }
  return out;
}

/**
 * Runs one command as a child process and measures it: wall time, CPU time of the whole tree (from
 * `/usr/bin/time`, whose rusage covers every descendant it waited for; without it, the last /proc sample of
 * each process, which misses at most one sampling interval per process), and the peak of the summed RSS of the
 * tree, sampled from /proc every `sampleMs` (short-lived spikes between samples can be missed).
 */
export async function measureProcess(
  label: string,
  command: string,
  args: string[],
  options: MeasureOptions,
): Promise<Measurement> {
  const sampleMs = options.sampleMs ?? 50;
  const useTime = existsSync(TIME_BIN);
  const tmp = mkdtempSync(join(options.workDir, 'time-'));
  const timeFile = join(tmp, 'time.txt');
  const argv = useTime ? ['-o', timeFile, '-f', TIME_FORMAT, command, ...args] : args;
  const bin = useTime ? TIME_BIN : command;
  const started = options.monotonicMs();
  const child = spawn(bin, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => stdout.push(b));
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  let peak = 0;
  const lastCpu = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    const procs = readAllStats();
    peak = Math.max(peak, treeRssBytes(child.pid, procs, options.pageBytes));
    const tree = processTree(child.pid, procs);
    for (const p of procs) if (tree.has(p.pid)) lastCpu.set(p.pid, p.cpuTicks);
  };
  sample();
  const timer = setInterval(sample, sampleMs);
  const exitCode = await new Promise<number>((resolveExit) => {
    child.on('close', (code, signal) => resolveExit(code ?? (signal ? 128 : 1)));
  });
  clearInterval(timer);
  const wallOuter = (options.monotonicMs() - started) / 1000;
  const timeText = useTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  const timeReport = parseTimeOutput(timeText);
  // A child killed by a signal: GNU time says so in its file and may still print exit=0.
  const signalled = /terminated by signal/.test(timeText);
  rmSync(tmp, { recursive: true, force: true });
  const procCpu = [...lastCpu.values()].reduce((s, t) => s + t, 0) / options.clockTicks;
  return {
    label,
    wallSeconds: wallOuter,
    cpuSeconds: timeReport ? timeReport.cpuSeconds : procCpu,
    peakTreeRssBytes: peak,
    exitCode: exitCode !== 0 ? exitCode : signalled ? 128 : (timeReport?.exitCode ?? exitCode),
    cpuMethod: timeReport ? '/usr/bin/time' : '/proc samples',
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}
