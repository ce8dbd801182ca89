import { formatCents, yuanOfCents } from './amounts.ts';
import { isoDate } from './dates.ts';
import { nameOf } from './entityIdentity.ts';
import {
  ENTITY_TYPES,
  type EntityTable,
  ETYPE,
  FLAG,
  PRIORITY_INDUSTRIES,
  PRIORITY_NONE,
} from './entityTable.ts';
import type { GeneratorReference } from './generatorReference.ts';
import type { Filing } from './indicatorModel.ts';
import type { PlanValue } from './planRows.ts';

export interface RowContext {
  table: EntityTable;
  uscc: string[];
  regionCodes: string[];
  ref: GeneratorReference;
  seed: number;
}

const amount = (cents: number, yuan: boolean): string => (yuan ? yuanOfCents(cents) : formatCents(cents));

/** Section letters by division number, for industry codes like C1713. */
export function sectionLetters(ref: GeneratorReference): string[] {
  const out: string[] = [];
  for (const [div, d] of ref.divisions) out[Number(div)] = d.section;
  return out;
}

/** One registry snapshot row for entity i as of day `asOf` (status, county and closure as known then). */
export function registryFields(
  ctx: RowContext,
  sections: string[],
  i: number,
  asOf: number,
  yuan: boolean,
): string[] {
  const c = ctx.table.cols;
  const closed = c.closed[i] !== 0 && c.closed[i] <= asOf;
  const moved = !closed && c.moved[i] !== 0 && c.moved[i] <= asOf;
  const flags = c.flags[i];
  let status = flags & FLAG.inBusiness ? '在业' : '存续';
  if (moved) status = '迁出';
  // A register lags: a closure in the snapshot's last month may still show 存续 (closed_on decides).
  else if (closed && !(flags & FLAG.statusLag && asOf - c.closed[i] < 31))
    status = c.revoked[i] ? '吊销' : '注销';
  const county = c.relocated[i] !== 0 && c.relocated[i] <= asOf ? c.county1[i] : c.county0[i];
  const div = c.division[i];
  const divCode = (div < 10 ? '0' : '') + div;
  const industry = (flags & FLAG.sectionLetter ? sections[div] : '') + divCode + c.classDigits[i];
  const prev = c.previous[i];
  const p = c.priority[i];
  return [
    ctx.uscc[i],
    nameOf(ctx.table, i, ctx.seed),
    ENTITY_TYPES[c.jointStockFrom[i] !== 0 && c.jointStockFrom[i] <= asOf ? ETYPE.jointStock : c.etype[i]],
    isoDate(c.est[i]),
    status,
    closed ? isoDate(c.closed[i]) : '',
    ctx.regionCodes[county],
    industry,
    amount(c.capitalCents[i], yuan),
    prev >= 0 ? '是' : '否',
    prev >= 0 ? isoDate(c.est[i]) : '',
    prev >= 0 ? ctx.uscc[prev] : '',
    p === 0 ? '' : p === PRIORITY_NONE ? '无' : PRIORITY_INDUSTRIES[p - 1],
  ];
}

export function indicatorFields(
  ctx: RowContext,
  i: number,
  year: number,
  f: Filing,
  yuan: boolean,
): string[] {
  return [
    ctx.uscc[i],
    String(year),
    String(f.employees),
    amount(f.revenue, yuan),
    amount(f.assets, yuan),
    amount(f.profit, yuan),
    amount(f.tax, yuan),
    amount(f.rdExpense, yuan),
    String(f.techStaff),
    amount(f.exports, yuan),
    f.aboveScale ? '是' : '否',
    f.techSme ? '是' : '否',
    f.listing,
  ];
}

export function planFields(v: PlanValue): string[] {
  return [
    String(v.year),
    String(v.quarter),
    v.regionCode,
    String(v.indicatorNo),
    String(v.value),
    v.department,
  ];
}
