import { describe, expect, it } from 'vitest';
import { shortHash, sourceDisplayNames } from '../../pipelines/report/sourceDisplayNames.ts';

describe('input file names in the data appendix', () => {
  it('are relative to the folder each run ingested from, never machine paths', () => {
    const names = sourceDisplayNames([
      { file: '/srv/xiaowei/data/inbox/registry_2020-12-31.csv', run_id: 'r1' },
      { file: '/srv/xiaowei/data/inbox/plan_2020.csv', run_id: 'r1' },
      { file: '/tmp/gen/2019/indicators_2019.csv', run_id: 'r2' },
      { file: '/tmp/gen/2020/indicators_2020.csv', run_id: 'r2' },
      { file: 'C:\\exports\\indicators_2021.xlsx', run_id: 'r3' },
    ]);
    expect([...names.values()]).toEqual([
      'registry_2020-12-31.csv',
      'plan_2020.csv',
      '2019/indicators_2019.csv',
      '2020/indicators_2020.csv',
      'indicators_2021.xlsx',
    ]);
  });

  it('prints 12 hex digits of a hash', () => {
    expect(shortHash('a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90')).toBe(
      'a1b2c3d4e5f6',
    );
  });
});
