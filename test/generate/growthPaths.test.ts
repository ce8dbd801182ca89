import { describe, expect, it } from 'vitest';
import { yearOfDay } from '../../pipelines/generate/dates.ts';
import { ETYPE } from '../../pipelines/generate/entityTable.ts';
import { loadGeneratorReference } from '../../pipelines/generate/generatorReference.ts';
import { GrowthPathModel } from '../../pipelines/generate/growthPaths.ts';
import { type Filing, IndicatorModel } from '../../pipelines/generate/indicatorModel.ts';
import { createRng } from '../../pipelines/generate/random.ts';
import { simulateRegister } from '../../pipelines/generate/simulateRegister.ts';

// City scale, register and filings simulated in memory (seed 1, 2013–2020; writing the files checks nothing more
// here). Targets: plan annex indicators 7 and 8 (30 new 新三板/浙江股权交易中心 listings and 120 new 股份公司
// over 2018–2020); HGE ≈ 3–6 % of the ≥ 10-employee population by employment (the brief); young firms about 1.3–2.3
// times as likely to be high-growth as older ones (reference.md §8.2: 25–35 % of micro HGE vs 15–20 % of firms).
type Kept = Pick<Filing, 'employees' | 'revenue' | 'aboveScale' | 'listing'>;
const ref = loadGeneratorReference();
const reg = simulateRegister({ scale: 1, endYear: 2020, ref }, createRng(1, 0));
const model = new IndicatorModel(
  reg.table,
  ref,
  createRng(1, 1),
  new GrowthPathModel(reg.table, createRng(1, 5)),
);
const filings = new Map<number, Map<number, Kept>>();
for (let y = 2013; y <= 2020; y++) {
  const m = new Map<number, Kept>();
  model.advance(y, (i, f) =>
    m.set(i, { employees: f.employees, revenue: f.revenue, aboveScale: f.aboveScale, listing: f.listing }),
  );
  filings.set(y, m);
}
const c = reg.table.cols;
const years = [2018, 2019, 2020];

describe('generated growth paths (city scale)', () => {
  it('registers about 120 new 股份公司 by 规改股 over 2018–2020, only from 有限责任公司', () => {
    let reforms = 0;
    for (let i = 0; i < reg.table.size; i++) {
      if (c.jointStockFrom[i] === 0) continue;
      expect([ETYPE.llc, ETYPE.llcSole]).toContain(c.etype[i]);
      if (years.includes(yearOfDay(c.jointStockFrom[i]))) reforms++;
    }
    expect(reforms).toBeGreaterThan(90);
    expect(reforms).toBeLessThan(150);
  });

  it('lists about 30 new firms on 新三板 and 浙江股权交易中心 over 2018–2020 (not listed in the previous filing)', () => {
    let listings = 0;
    for (const y of years) {
      const prev = filings.get(y - 1) as Map<number, Kept>;
      for (const [i, f] of filings.get(y) as Map<number, Kept>)
        if ((f.listing === '新三板' || f.listing === '浙江股权交易中心') && !prev.get(i)?.listing) listings++;
    }
    expect(listings).toBeGreaterThan(15);
    expect(listings).toBeLessThan(45);
  });

  it('gives 3–6 % high-growth enterprises by employment, young firms more often than older ones', () => {
    for (const t of years) {
      const start = filings.get(t - 3) as Map<number, Kept>;
      const end = filings.get(t) as Map<number, Kept>;
      const young = { n: 0, hge: 0 };
      const old = { n: 0, hge: 0 };
      for (const [i, f0] of start) {
        const f1 = end.get(i);
        if (!f1 || f0.employees < 10 || f0.aboveScale) continue;
        const group = t - yearOfDay(c.est[i]) <= 5 ? young : old;
        group.n++;
        if ((f1.employees / f0.employees) ** (1 / 3) - 1 > 0.1 + 1e-9) group.hge++;
      }
      const share = (young.hge + old.hge) / (young.n + old.n);
      expect(share, String(t)).toBeGreaterThan(0.03);
      expect(share, String(t)).toBeLessThan(0.06);
      const ratio = young.hge / young.n / (old.hge / old.n);
      expect(ratio, String(t)).toBeGreaterThan(1.3);
      expect(ratio, String(t)).toBeLessThan(3);
    }
  });
});
