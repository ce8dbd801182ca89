import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';

/** Runs `xiaowei <args>` in-process with captured output: the exit code, stdout and stderr. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env,
  };
  const code = await main(['node', 'xiaowei', ...args], io);
  return { code, out: out.join(''), err: err.join('') };
}
