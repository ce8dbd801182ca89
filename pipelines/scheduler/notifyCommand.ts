import { execFile } from 'node:child_process';

/**
 * Calls the configured notify command with the run id and job name appended as arguments. execFile, never a
 * shell, so neither can inject anything. Resolves with an error message instead of throwing.
 */
export function runNotifyCommand(argv: string[], runId: string, jobName: string): Promise<string | null> {
  const [cmd, ...args] = argv;
  return new Promise((resolve) => {
    execFile(cmd, [...args, runId, jobName], { timeout: 60_000 }, (err, _stdout, stderr) => {
      resolve(err ? `${err.message}${stderr ? `: ${stderr.trim()}` : ''}` : null);
    });
  });
}
