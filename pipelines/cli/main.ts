import { Command, CommanderError } from 'commander';
import { formatError } from '../messages/formatError.ts';
import { registerCommands } from './commands/index.ts';
import { type CliIo, nodeIo } from './io.ts';

/** Builds the `xiaowei` program. `io` carries stdout/stderr/env so tests can run commands in-process. */
export function buildProgram(io: CliIo = nodeIo()): Command {
  const program = new Command('xiaowei')
    .description('湖州市小微企业成长指数 / 新设小微企业活力指数 — data pipeline (TypeScript + DuckDB)')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  registerCommands(program, io);
  return program;
}

/** Entry point used by bin/xiaowei.js: returns the exit code instead of exiting, so callers stay in control. */
export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const program = buildProgram(io).exitOverride();
  try {
    await program.parseAsync(argv);
    return io.exitCode ?? 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    io.stderr.write(`xiaowei: ${formatError(err, { debug: Boolean(io.env.XIAOWEI_DEBUG) })}\n`);
    return 1;
  }
}
