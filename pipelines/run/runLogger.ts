import { Writable } from 'node:stream';
import pino from 'pino';
import type { RunLog } from './stages.ts';

/** Turns one pino JSON line into `2026-01-30T18:00:00.000Z INFO  message key=value …` for people. */
export function formatLogLine(line: string): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, pid: _pid, hostname: _host, ...rest } = rec;
  const levelName = pino.levels.labels[Number(level)] ?? String(level);
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${String(time)} ${levelName.toUpperCase().padEnd(5)} ${String(msg ?? '')}${fields ? ` ${fields}` : ''}\n`;
}

export interface RunLoggerOptions {
  /** JSON lines are appended here (synchronously, so a crash loses nothing already logged). */
  logFile?: string;
  /** Readable lines go here (the terminal's stderr); omit for none. */
  terminal?: { write(s: string): unknown };
  /** The injected clock: log timestamps come from it, not from Date.now(). */
  now: () => Date;
}

/** A pino logger writing JSON lines to a file and readable lines to the terminal. */
export function createRunLogger(options: RunLoggerOptions): RunLog & { flush(): void } {
  const streams: pino.StreamEntry[] = [];
  let fileDest: pino.DestinationStream | undefined;
  if (options.logFile) {
    fileDest = pino.destination({ dest: options.logFile, mkdir: true, sync: true, append: true });
    streams.push({ stream: fileDest, level: 'info' });
  }
  const terminal = options.terminal;
  if (terminal) {
    const human = new Writable({
      write(chunk, _enc, cb) {
        for (const line of String(chunk).split('\n')) if (line) terminal.write(formatLogLine(line));
        cb();
      },
    });
    streams.push({ stream: human, level: 'info' });
  }
  const logger = pino(
    { timestamp: () => `,"time":"${options.now().toISOString()}"` },
    pino.multistream(streams),
  );
  return {
    info: (fields, msg) => logger.info(fields, msg),
    warn: (fields, msg) => logger.warn(fields, msg),
    error: (fields, msg) => logger.error(fields, msg),
    flush: () => logger.flush(),
  };
}

/** A logger that keeps records in memory, for tests. */
export function memoryLog(): RunLog & { lines: { level: string; msg: string; fields: object }[] } {
  const lines: { level: string; msg: string; fields: object }[] = [];
  return {
    lines,
    info: (fields, msg) => lines.push({ level: 'info', msg, fields }),
    warn: (fields, msg) => lines.push({ level: 'warn', msg, fields }),
    error: (fields, msg) => lines.push({ level: 'error', msg, fields }),
  };
}
