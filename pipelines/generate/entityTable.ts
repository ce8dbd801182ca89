/** Entity kinds; the USCC 机构类别 digit follows (enterprise and branch 1, individual 2, cooperative 3). */
export const KIND = { enterprise: 0, branch: 1, individual: 2, coop: 3 } as const;

/** Entity types written to 市场主体类型, indexed by `etype`. */
export const ENTITY_TYPES = [
  '有限责任公司',
  '有限责任公司（自然人独资）',
  '股份有限公司',
  '个人独资企业',
  '合伙企业',
  '分公司',
  '农民专业合作社',
  '个体工商户',
] as const;
export const ETYPE = {
  llc: 0,
  llcSole: 1,
  jointStock: 2,
  sole: 3,
  partnership: 4,
  branch: 5,
  coop: 6,
  individual: 7,
};

export const PRIORITY_INDUSTRIES = [
  '信息经济',
  '环保',
  '健康',
  '旅游',
  '时尚',
  '金融',
  '高端装备制造',
  '文化',
] as const;
/** `priority` value meaning 无 (declared none); 0 = not declared, 1..8 = PRIORITY_INDUSTRIES[p-1]. */
export const PRIORITY_NONE = 9;

const FIELDS = {
  kind: Uint8Array,
  etype: Uint8Array,
  est: Int32Array,
  closed: Int32Array, // 0 = open
  revoked: Uint8Array, // 1 = 吊销 rather than 注销
  moved: Int32Array, // 迁出 day, 0 = none
  county0: Uint8Array, // index into region codes (counties..., city last)
  county1: Uint8Array,
  relocated: Int32Array, // day county1 applies from, 0 = never
  regRegion: Uint8Array, // registering authority (USCC positions 3–8)
  division: Uint8Array, // 1..97
  classDigits: Uint8Array, // synthetic 3rd/4th digits of the class code
  capitalCents: Float64Array, // registered capital in 0.01 万元
  previous: Int32Array, // 个转企: index of the old 个体工商户, -1 = none
  priority: Uint8Array,
  flags: Uint8Array, // FLAG bits below
  quality: Float32Array, // firm size latent (standard normal)
  techSmeFrom: Int16Array, // year flagged 科技型中小企业 from, 0 = never
  listingKind: Uint8Array, // 0 none, 1 浙江股权交易中心, 2 新三板, 3 上市
  listingFrom: Int16Array,
  jointStockFrom: Int32Array, // 规改股: day the type becomes 股份有限公司, 0 = never
} as const;

export const FLAG = {
  inBusiness: 1,
  statusLag: 2,
  sectionLetter: 4,
  neverFiles: 8,
  rdFirm: 16,
  exporter: 32,
};

type Columns = { [K in keyof typeof FIELDS]: InstanceType<(typeof FIELDS)[K]> };

/** The whole synthetic register as parallel typed arrays: compact enough for province scale. */
export class EntityTable {
  size = 0;
  cols: Columns;
  constructor(capacity: number) {
    this.cols = EntityTable.alloc(Math.max(16, capacity));
  }
  private static alloc(cap: number): Columns {
    const out: Record<string, unknown> = {};
    for (const [k, Ctor] of Object.entries(FIELDS)) out[k] = new Ctor(cap);
    return out as Columns;
  }
  /** Appends a zeroed entity (previous = -1) and returns its index. */
  add(): number {
    if (this.size === this.cols.kind.length) {
      const bigger = EntityTable.alloc(this.size * 2);
      for (const k of Object.keys(FIELDS) as (keyof Columns)[])
        (bigger[k] as Int32Array).set(this.cols[k] as Int32Array);
      this.cols = bigger;
    }
    const i = this.size++;
    this.cols.previous[i] = -1;
    return i;
  }
  /**
   * Removes entity i by moving the last entity into its slot (its index changes) and zeroing the freed
   * slot, which add() reuses. Only for entities nothing refers to (`previous` points at them).
   */
  swapRemove(i: number): void {
    const last = this.size - 1;
    for (const k of Object.keys(FIELDS) as (keyof Columns)[]) {
      const col = this.cols[k];
      col[i] = col[last];
      col[last] = 0;
    }
    this.size = last;
  }
}
