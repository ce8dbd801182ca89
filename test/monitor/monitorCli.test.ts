import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';
import { buildFixtureDb } from '../models/buildFixture.ts';

// `xiaowei monitor` on the monthly-flows fixture (test/fixtures/models/monthly_flows.sql): months 2019-01 …
// 2021-03, the last one partial (snapshot 2021-03-15), so the latest complete month is 2021-02.
let dbPath: string;

function captureIo(): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env: {},
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function monitor(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'xiaowei', 'monitor', '--db', dbPath, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

beforeAll(async () => {
  dbPath = await buildFixtureDb(['monthly_flows.sql']);
});

describe('xiaowei monitor', () => {
  it('prints the latest complete month by default, every metric and region, and says when nothing alerts', async () => {
    const r = await monitor();
    expect(r.code).toBe(0);
    expect(r.out).toContain('湖州市小微企业动态监测 2021年2月');
    expect(r.out).toContain('登记快照 2021-03-15');
    // 36 rows: 6 metrics × 6 regions; G02 is the month's one 个体工商户 birth (长兴县 and the city).
    expect(r.out).toContain('(36 rows)');
    expect(r.out).toMatch(/新设个体工商户（户）\s+长兴县\s+1 /);
    expect(r.out).toContain('预警与关注：无');
    expect(r.out).not.toContain('不完整');
  });

  it('shows a month without two previous years as having no expectation', async () => {
    const r = await monitor('--month', '2020-06');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/注销企业（户）\s+吴兴区\s+1\s+—\s+无预期（同期仅 1 年）/);
  });

  it('shows the partial month with a warning that it is never alerted on', async () => {
    const r = await monitor('--month', '2021-03');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2021年3月数据不完整');
  });

  it('refuses a month the data do not cover: a clear message, exit code 1, nothing on stdout', async () => {
    const r = await monitor('--month', '2018-12');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'xiaowei: 2018-12 不在数据覆盖范围内：月度数据覆盖 2019-01 至 2021-03（登记快照 2021-03-15）\n',
    );
    const missing = captureIo();
    const db = join(dbPath, '..', 'no-such.duckdb');
    expect(await main(['node', 'xiaowei', 'monitor', '--db', db], missing)).toBe(1);
    expect(missing.err()).toContain('请先运行 xiaowei build');
    const bad = await monitor('--month', '2020-13');
    expect([bad.code, bad.out, bad.err]).toEqual([
      1,
      '',
      'xiaowei: --month 2020-13: 应为 YYYY-MM 格式的月份，例如 2020-06\n',
    ]);
  });
});
