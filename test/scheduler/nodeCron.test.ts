import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCronFactory } from '../../pipelines/scheduler/nodeCronFactory.ts';
import { runNotifyCommand } from '../../pipelines/scheduler/notifyCommand.ts';

describe('node-cron and the notify command, for real', () => {
  it('fires a seconds-level job through node-cron with its scheduled time, and stops', async () => {
    const fired: Date[] = [];
    let handle: { stop(): void } | undefined;
    await new Promise<void>((resolve) => {
      handle = nodeCronFactory('*/1 * * * * *', 'Asia/Shanghai', 'test-every-second', (at) => {
        fired.push(at);
        resolve();
      });
    });
    handle!.stop();
    const count = fired.length;
    expect(count).toBeGreaterThanOrEqual(1);
    // node-cron hands over the whole-second instant it matched.
    expect(fired[0].getMilliseconds()).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fired.length).toBe(count);
  });

  it('passes the run id and job name as separate arguments, never through a shell', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xw-notify-')), 'args.json');
    const script = `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(1)))`;
    const err = await runNotifyCommand(
      [process.execPath, '-e', script, '--'],
      '20260130T180000-ab12',
      'a b;$(x)',
    );
    expect(err).toBe(null);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(['20260130T180000-ab12', 'a b;$(x)']);
  });

  it('reports a failing notify command instead of throwing', async () => {
    const err = await runNotifyCommand([process.execPath, '-e', 'process.exit(3)'], 'r', 'j');
    expect(err).toMatch(/Command failed/);
  });
});
