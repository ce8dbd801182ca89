import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { isInternalPath } from '../../candidates/internalOutput.ts';
import { UserError } from '../../messages/catalogue.ts';
import { serveStatic } from '../../site/serveStatic.ts';
import type { CliIo } from '../io.ts';

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('端口应为 0–65535 (expected a port 0–65535)');
  return n;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('在本机预览看板（仅 127.0.0.1）/ preview the dashboard on localhost only')
    .option('--port <n>', '端口（0 = 任意空闲端口）/ port (0 = any free port)', parsePort, 8080)
    .option('--dir <dir>', '看板目录 / site directory', 'reports/site')
    .action(async (opts: { port: number; dir: string }) => {
      const dir = resolve(opts.dir);
      if (isInternalPath(dir)) throw new UserError('serve.internal_dir', { dir });
      if (!existsSync(join(dir, 'index.html'))) {
        throw new UserError('serve.no_site', { dir });
      }
      const { server, url } = await serveStatic(dir, opts.port);
      io.stdout.write(`看板预览 serving ${dir} at ${url} (Ctrl+C 停止 / to stop)\n`);
      await new Promise<void>((done) => {
        const stop = () => server.close(() => done());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
