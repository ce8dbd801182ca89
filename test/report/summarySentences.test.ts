import { describe, expect, it } from 'vitest';
import { rankRegions } from '../../pipelines/report/rankRegions.ts';
import {
  changeClause,
  indexSentence,
  printedChange,
  printedChangeTenths,
} from '../../pipelines/report/summarySentences.ts';

const base = { year: 2020, subject: '全市', indexName: '小微企业成长指数' };

describe('summary sentences', () => {
  it('says 提高 with the printed difference when the index rose (112.3 − 110.2 = 2.1)', () => {
    expect(indexSentence({ ...base, current: 112.3, previous: 110.2 })).toBe(
      '2020年全市小微企业成长指数为 112.3，比上年提高 2.1 点。',
    );
  });

  it('says 下降 when the index fell (106.9 − 108.4 = −1.5)', () => {
    expect(indexSentence({ ...base, subject: '吴兴区', current: 106.9, previous: 108.4 })).toBe(
      '2020年吴兴区小微企业成长指数为 106.9，比上年下降 1.5 点。',
    );
  });

  it('says 持平 when both values print the same (104.04 and 103.96 both print 104.0)', () => {
    expect(indexSentence({ ...base, current: 104.04, previous: 103.96 })).toBe(
      '2020年全市小微企业成长指数为 104.0，与上年持平。',
    );
  });

  it('computes the change from the printed values so the sentence adds up (100.06 → 100.1, 99.94 → 99.9: 0.2)', () => {
    expect(printedChangeTenths(100.06, 99.94)).toBe(2);
    expect(changeClause(100.06, 99.94)).toBe('比上年提高 0.2 点');
  });

  it('gives tables the same change as the sentence: 118.44 and 113.36 print 118.4 and 113.4, so 5.0 not 5.1', () => {
    expect(printedChange(118.44, 113.36)).toBe(5);
    expect(changeClause(118.44, 113.36)).toBe('比上年提高 5.0 点');
    expect(printedChange(null, 113.36)).toBeNull();
  });

  it('says there is no comparable previous year instead of guessing', () => {
    expect(indexSentence({ ...base, current: 114, previous: null })).toBe(
      '2020年全市小微企业成长指数为 114.0（上年无可比数据）。',
    );
  });

  it('says the value is unavailable when the current value is missing or withheld', () => {
    expect(indexSentence({ ...base, current: null, previous: 110 })).toBe(
      '2020年全市小微企业成长指数暂无可公布数值。',
    );
  });

  it('adds the county rank after the change', () => {
    expect(
      indexSentence({ ...base, subject: '安吉县', current: 117, previous: 111.3, rank: { rank: 1, of: 5 } }),
    ).toBe('2020年安吉县小微企业成长指数为 117.0，比上年提高 5.7 点，在 5 个区县中列第 1 位。');
  });
});

describe('rankRegions', () => {
  it('gives ties the better rank and skips the next (1, 2, 2, 4) and leaves missing values unranked', () => {
    const r = rankRegions([
      { code: 'a', value: 120 },
      { code: 'b', value: 110 },
      { code: 'c', value: 110 },
      { code: 'd', value: 100 },
      { code: 'e', value: null },
    ]);
    expect([...r.entries()]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});
