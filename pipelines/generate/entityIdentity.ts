import { buildUscc, USCC_CHARSET } from '../domain/uscc.ts';
import { dayOf } from './dates.ts';
import { type EntityTable, ETYPE, KIND } from './entityTable.ts';

const NEW_STYLE_FROM = dayOf(2015, 10, 1); // GB 32100-2015 took effect; new bodies start "MA"
const BASE31_6 = 31 ** 6;

/**
 * The entity's USCC. Bodies come from a bijection of the entity index (multiplier coprime with the
 * modulus), so codes are unique without a lookup set; seed shifts them so seeds differ.
 */
export function usccOf(t: EntityTable, i: number, regionCodes: readonly string[], seed: number): string {
  const c = t.cols;
  const kind = c.kind[i];
  const prefix = kind === KIND.individual ? '92' : kind === KIND.coop ? '93' : '91';
  let body: string;
  if (kind !== KIND.individual && c.est[i] < NEW_STYLE_FROM) {
    body = String((i * 48_271 + (seed % 1000) * 99_991) % 100_000_000).padStart(8, '0');
  } else {
    let v = (i * 104_395_301 + (seed % 1000) * 7_919_317) % BASE31_6;
    body = '';
    for (let k = 0; k < 6; k++) {
      body = USCC_CHARSET[v % 31] + body;
      v = Math.floor(v / 31);
    }
    body = `MA${body}`;
  }
  return buildUscc(prefix, regionCodes[c.regRegion[i]], body);
}

const BRAND =
  '华宏盛兴鑫源达隆泰丰瑞祥恒昌新锦润佳和美康顺荣利嘉诚信德宝金银天海云星阳光明宇浩博远创众合立通腾飞凯旺福万千百鼎晨曦东南西北中正安永长湖湘吴浔苕溪莫干竹茶丝绸蚕桑织锦龙凤';
const PLACE = ['吴兴', '南浔', '德清', '长兴', '安吉', '湖州'];
/** Trade word by GB/T 4754 division; anything else is 商贸. */
const TRADE: Record<number, string> = {
  1: '农业',
  2: '林业',
  3: '养殖',
  4: '水产',
  5: '农业服务',
  10: '矿业',
  13: '食品',
  14: '食品',
  15: '茶业',
  17: '纺织',
  18: '服饰',
  19: '皮革',
  20: '木业',
  21: '家具',
  22: '纸业',
  23: '印刷',
  24: '文体用品',
  26: '化工',
  27: '医药',
  28: '化纤',
  29: '塑料',
  30: '建材',
  31: '钢铁',
  32: '铝业',
  33: '金属制品',
  34: '机械',
  35: '设备',
  36: '汽车配件',
  37: '船舶',
  38: '电气',
  39: '电子',
  40: '仪器',
  41: '工艺品',
  42: '再生资源',
  43: '机械维修',
  44: '电力',
  45: '燃气',
  46: '水务',
  47: '建设',
  48: '建筑工程',
  49: '安装工程',
  50: '装饰',
  51: '贸易',
  52: '商行',
  54: '物流',
  55: '航运',
  58: '货运代理',
  59: '仓储',
  60: '快递',
  61: '酒店',
  62: '餐饮',
  63: '通信',
  64: '网络科技',
  65: '信息技术',
  66: '金融服务',
  67: '投资',
  69: '金融信息',
  70: '房地产',
  71: '租赁',
  72: '企业管理',
  73: '科技',
  74: '技术服务',
  75: '科技',
  77: '环保',
  78: '园林',
  80: '家政',
  81: '汽车维修',
  82: '生活服务',
  83: '培训',
  84: '医疗',
  85: '养老服务',
  86: '文化传媒',
  87: '影视',
  88: '文化艺术',
  89: '体育',
  90: '娱乐',
};
const INDIVIDUAL_SHOP: Record<number, string> = {
  51: '批发部',
  52: '商店',
  54: '货运',
  61: '民宿',
  62: '小吃店',
  80: '理发店',
  81: '修理部',
  82: '服务部',
};

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A plausible Chinese name, derived from the entity index and seed (not stored: cheap to rebuild). */
export function nameOf(t: EntityTable, i: number, seed: number): string {
  const c = t.cols;
  const h = mix32(i ^ Math.imul(seed, 0x9e3779b1));
  const brand = BRAND[h % BRAND.length] + BRAND[(h >>> 8) % BRAND.length];
  const place = PLACE[c.county0[i]] ?? '湖州';
  const div = c.division[i];
  const trade = TRADE[div] ?? '商贸';
  switch (c.etype[i]) {
    case ETYPE.jointStock:
      return `浙江${brand}${trade}股份有限公司`;
    case ETYPE.sole:
      return `${place}${brand}${trade}经营部`;
    case ETYPE.partnership:
      return `湖州${brand}${trade}合伙企业（有限合伙）`;
    case ETYPE.branch:
      return `浙江${brand}${trade}有限公司${place}分公司`;
    case ETYPE.coop:
      return `${place}县${brand}${trade}专业合作社`.replace('区县', '区').replace('县县', '县');
    case ETYPE.individual:
      return `${place}${brand}${INDIVIDUAL_SHOP[div] ?? `${trade}店`}`;
    default:
      return `湖州${brand}${trade}有限公司`;
  }
}
