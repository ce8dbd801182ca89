import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';
import { buildFixtureWarehouse, removeFixtureWarehouses } from '../fixtures/report/fixtureWarehouse.ts';

afterAll(() => removeFixtureWarehouses());

function captureIo(env: NodeJS.ProcessEnv): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    env,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  };
}

describe('xiaowei report --pdf without Chromium', () => {
  it('writes the HTML, then fails the PDF part with a Chinese + English install hint and exit code 1', async () => {
    const { dir, dbPath } = await buildFixtureWarehouse();
    const io = captureIo({ XIAOWEI_CHROMIUM: join(dir, 'no-such-chromium') });
    const out = join(dir, 'reports');
    const code = await main(
      [
        'node',
        'xiaowei',
        'report',
        '--year',
        '2020',
        '--pdf',
        '--db',
        dbPath,
        '--out',
        out,
        '--date',
        '2021-02-01',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(existsSync(join(out, '2020', 'report-2020.html'))).toBe(true);
    expect(existsSync(join(out, '2020', 'report-2020.pdf'))).toBe(false);
    const err = io.err.join('');
    expect(err).toContain('未找到 Chromium');
    expect(err).toContain('apt-get install chromium');
    expect(io.out.join('')).toContain('report-2020.html');
  });

  it('refuses a year the data do not cover (report --year 1999): clear message, exit 1, nothing written', async () => {
    const { dir, dbPath } = await buildFixtureWarehouse();
    const io = captureIo({});
    const out = join(dir, 'reports');
    const code = await main(
      ['node', 'xiaowei', 'report', '--year', '1999', '--db', dbPath, '--out', out],
      io,
    );
    expect(code).toBe(1);
    // The fixture warehouse holds 2017–2020.
    expect(io.err.join('')).toContain('1999 年不在数据覆盖范围内（仓库中有 2017—2020 年），未生成报告');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a malformed --date before touching the warehouse', async () => {
    const io = captureIo({});
    const code = await main(['node', 'xiaowei', 'report', '--year', '2020', '--date', '2021-02-30'], io);
    expect(code).not.toBe(0);
    expect(io.err.join('')).toContain('YYYY-MM-DD');
  });
});
