import { dayOf } from './dates.ts';
import { KIND } from './entityTable.ts';
import { type EventSpec, eventMonth } from './eventSpec.ts';
import type { Rng } from './random.ts';
import type { YearEnd } from './simulateRegister.ts';

/** What an event did: the month's count before (`baseline`) and how many events it added (+) or removed (−). */
export interface EventRecord {
  region_code: string;
  month: string;
  metric: EventSpec['metric'];
  factor: number;
  baseline: number;
  changed: number;
}

/**
 * A year-end hook that multiplies one region's flow in one month (`--event`). Added events are drawn
 * uniformly inside the month; removed ones are chosen at random among the month's events. Deaths are
 * placed by the county on the closing day, which is the county of every later snapshot (an exact shock);
 * births by their county at birth (a later relocation, 0.5 %/yr, may move a few).
 */
export function eventInjector(
  events: readonly EventSpec[],
  regionCodes: readonly string[],
  rng: Rng,
): { onYearEnd(y: YearEnd): void; records: EventRecord[] } {
  const records: EventRecord[] = [];
  const cityCode = regionCodes[regionCodes.length - 1];
  return {
    records,
    onYearEnd(y) {
      for (const e of events)
        if (e.year === y.year) records.push(applyEvent(e, y, regionCodes, cityCode, rng));
    },
  };
}

function applyEvent(
  e: EventSpec,
  y: YearEnd,
  regionCodes: readonly string[],
  cityCode: string,
  rng: Rng,
): EventRecord {
  const t = y.table;
  const c = t.cols;
  const from = dayOf(e.year, e.month, 1);
  const to = dayOf(e.year, e.month + 1, 1) - 1;
  const counties =
    e.regionCode === cityCode ? regionCodes.map((_, k) => k) : [regionCodes.indexOf(e.regionCode)];
  const inRegion = new Set(counties);
  const isDeath = e.metric.includes('deaths');
  const kind = e.metric.startsWith('indiv_') ? KIND.individual : KIND.enterprise;
  const matches = (i: number): boolean => {
    if (c.kind[i] !== kind) return false;
    if (isDeath) {
      const d = c.closed[i];
      if (d < from || d > to || !inRegion.has(y.countyAt(i, d))) return false;
      if (e.metric === 'deaths_cancelled') return c.revoked[i] === 0;
      if (e.metric === 'deaths_revoked') return c.revoked[i] === 1;
      return true;
    }
    if (c.est[i] < from || c.est[i] > to || !inRegion.has(c.county0[i])) return false;
    if (e.metric === 'births') return c.previous[i] < 0;
    if (e.metric === 'conversions') return c.previous[i] >= 0;
    return true;
  };
  const matched: number[] = [];
  for (let i = isDeath ? 0 : y.firstNew; i < t.size; i++) if (matches(i)) matched.push(i);
  const baseline = matched.length;
  const dayInMonth = (after: number) => {
    const lo = Math.max(from, after);
    return lo > to ? to : lo + rng.int(to - lo + 1);
  };
  const record = (changed: number): EventRecord => ({
    region_code: e.regionCode,
    month: eventMonth(e),
    metric: e.metric,
    factor: e.factor,
    baseline,
    changed,
  });
  const pickCounty = () => counties[rng.int(counties.length)];

  if (e.factor > 1) {
    const extra = Math.round((e.factor - 1) * baseline);
    if (e.metric === 'births' || e.metric === 'indiv_births') {
      for (let k = 0; k < extra; k++) y.birth(kind, dayInMonth(from), pickCounty());
      return record(extra);
    }
    // Deaths and conversions need living entities of the region that were there before the month.
    const candidates: number[] = [];
    const sourceKind = e.metric === 'conversions' ? KIND.individual : kind;
    const end = e.metric === 'conversions' ? y.firstNew : t.size;
    for (let i = 0; i < end; i++) {
      if (c.kind[i] !== sourceKind || c.closed[i] !== 0 || c.moved[i] !== 0 || c.est[i] >= from) continue;
      if (c.relocated[i] > from || !inRegion.has(y.countyAt(i, from))) continue;
      candidates.push(i);
    }
    const n = Math.min(extra, candidates.length);
    for (let k = 0; k < n; k++) {
      const j = k + rng.int(candidates.length - k);
      const i = candidates[j];
      candidates[j] = candidates[k];
      candidates[k] = i;
      const day = dayInMonth(c.est[i] + 1);
      if (e.metric === 'conversions') y.convert(i, day);
      else {
        c.closed[i] = day;
        c.revoked[i] = e.metric === 'deaths_revoked' ? 1 : 0;
      }
    }
    return record(n);
  }

  const remove = Math.round((1 - e.factor) * baseline);
  for (let k = 0; k < remove; k++) {
    const j = k + rng.int(matched.length - k);
    const i = matched[j];
    matched[j] = matched[k];
    matched[k] = i;
  }
  const chosen = matched.slice(0, remove).sort((a, b) => b - a);
  for (const i of chosen) {
    if (isDeath) {
      c.closed[i] = 0;
      c.revoked[i] = 0;
      continue;
    }
    // A birth of this year is referred to by nothing: drop it (descending, so later picks keep their index).
    if (e.metric === 'conversions') c.closed[c.previous[i]] = 0;
    t.swapRemove(i);
  }
  return record(-remove);
}
