/** What a CLI command may touch besides its arguments: injected so tests can capture output. */
export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Set by a command that wants a non-zero exit without throwing (e.g. ingest with a rejected file). */
  exitCode?: number;
}

export function nodeIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** True when progress bars and colours make sense: a terminal, and not CI. */
export function isInteractive(io: CliIo): boolean {
  return Boolean(io.stderr.isTTY) && !io.env.CI;
}
