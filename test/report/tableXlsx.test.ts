import { afterEach, describe, expect, it, vi } from 'vitest';
import { tableXlsx } from '../../pipelines/report/tableXlsx.ts';

const table = {
  id: 'demo',
  title: '示例表',
  columns: [
    { label: '区县', numeric: false },
    { label: '指数', numeric: true },
  ],
  rows: [
    [
      { text: '吴兴区', value: '吴兴区' },
      { text: '101.2', value: 101.2 },
    ],
  ],
  footnotes: ['示例'],
};
const provenance = { reportDate: '2021-01-31', methodologyVersion: 'v1', runId: 'r1' };

afterEach(() => vi.useRealTimers());

describe('report tables as XLSX', () => {
  it('are the same bytes whatever the clock says when they are written (zip entry times pinned)', async () => {
    // jszip stamps each zip entry with the current time: two writes a day apart differed before pinning.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T08:00:00Z'));
    const first = await tableXlsx(table, provenance);
    vi.setSystemTime(new Date('2026-01-02T17:31:07Z'));
    const second = await tableXlsx(table, provenance);
    expect(first.length).toBeGreaterThan(1000);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
