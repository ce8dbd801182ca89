import { execFile } from 'node:child_process';

/**
 * Calls the configured notify command with the run id, the job name and any `extra` values (an alert's id and
 * sentence) appended as arguments. execFile, never a shell, so none of them can inject anything. Resolves with
 * an error message instead of throwing.
 */
export function runNotifyCommand(
  argv: string[],
  runId: string,
  jobName: string,
  extra: string[] = [],
): Promise<string | null> {
  const [cmd, ...args] = argv;
  return new Promise((resolve) => {
    execFile(cmd, [...args, runId, jobName, ...extra], { timeout: 60_000 }, (err, _stdout, stderr) => {
      resolve(err ? `${err.message}${stderr ? `: ${stderr.trim()}` : ''}` : null);
    });
  });
}
