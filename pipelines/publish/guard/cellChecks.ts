import { isValidUscc } from '../../domain/uscc.ts';
import { isFormulaLike } from '../csvCell.ts';
import type { GuardCheck, GuardOptions } from './guardTypes.ts';

/** Column labels under which public outputs print counts of enterprises (a count is its own enterprise set). */
export const ENTERPRISE_COUNT_LABELS = new Set([
  '年末在营',
  '新设',
  '注销',
  '注销吊销',
  '个转企',
  '小升规',
  '年末在营企业（家）',
  '当年新设企业（家）',
  // Growth paths (methodology §9)
  '个体工商户',
  '小微企业',
  '规上企业',
  '股份公司',
  '挂牌上市企业',
  '规改股',
  '新三板挂牌',
  '浙股交挂牌',
  '上市',
  '小升规企业数',
  '登记数据',
  '基数企业',
  '高成长企业（就业）',
  '瞪羚企业（就业）',
  '高成长企业（营收）',
  '瞪羚企业（营收）',
  // Monitoring bulletin (methodology §10): the month's count of each flow
  '本月（户）',
  '原值（户）',
  '新值（户）',
]);

/** A column that would list enterprises one by one. */
const NAME_COLUMN =
  /^(企业|单位|公司|市场主体)?名称$|统一社会信用代码|信用代码|^(enterprise|entity|company)[ _]?(name|id)$|^name$|^uscc$/i;
const COMPANY_NAME = /[\u4e00-\u9fff]{2,}(有限责任公司|股份有限公司|有限公司|个人独资企业|合伙企业)/;
const USCC_TOKEN = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;
const ABSOLUTE_PATH =
  /(?<![\w.:/-])(\/(?:home|tmp|work|root|Users|var|opt|srv|mnt|media|private|usr|etc|data|run)\/[^\s"'<>)]*)|(?<![\w])[A-Za-z]:\\[^\s"'<>]+/;
/** "新设 2 家", "小升规 1 家", the bulletin's "注销企业2户": a count of enterprises in a sentence. */
const COUNT_PHRASE =
  /(在营小微企业|新设|注销|个转企|小升规|规改股|新三板挂牌|浙股交挂牌|上市|高成长企业|瞪羚企业|新设企业|注销企业|吊销企业|个体工商户)\s*(\d+)\s*[家户]/g;

const DIGIT = /\d/;

/** Where a finding is: a label, or an object printing it (JSON paths are built only for a finding). */
export type Where = string | { toString(): string };

export type Report = (check: GuardCheck, detail: string) => void;

/** Text anywhere in an output: identifiers, company names, machine paths, withheld values. */
export function checkText(
  text: string,
  where: Where,
  o: GuardOptions,
  sentinels: string[],
  report: Report,
): void {
  // Each pattern is tried only on text holding what any match must contain: outputs hold ~10⁵ short strings.
  if (text.length >= 18)
    for (const m of text.matchAll(USCC_TOKEN))
      if (isValidUscc(m[0])) report('uscc', `${where}: an 18-character credit code`);
  const company = text.includes('公司') || text.includes('企业') ? COMPANY_NAME.exec(text) : null;
  if (company) report('name_column', `${where}: an enterprise name (${company[0].slice(-12)})`);
  const path = text.includes('/') || text.includes('\\') ? ABSOLUTE_PATH.exec(text) : null;
  if (path) report('machine_path', `${where}: ${path[0].slice(0, 60)}`);
  for (const p of o.machinePaths)
    if (p.length > 1 && text.includes(p)) report('machine_path', `${where}: ${p}`);
  // A sentinel is a number's rendering with at least seven significant digits (sentinelsOf).
  if (text.length >= 7 && DIGIT.test(text))
    for (const s of sentinels) if (text.includes(s)) report('withheld_value', `${where}: ${s}`);
  if (text.includes('家') || text.includes('户'))
    for (const m of text.matchAll(COUNT_PHRASE)) {
      const n = Number(m[2]);
      if (n > 0 && n < o.min) report('small_count', `${where}: "${m[0]}"`);
    }
}

/** A column label: a name or credit-code column is an enterprise-level list. */
export function checkHeader(label: string, where: Where, report: Report): void {
  if (NAME_COLUMN.test(label.trim())) report('name_column', `${where}: column "${label}"`);
}

/** An integer 1..min−1 printed under an enterprise-count label. */
export function isSmallCount(text: string, min: number): boolean {
  const t = text.trim().replace(/家$/, '').replace(/,/g, '');
  if (!/^\d+$/.test(t)) return false;
  const n = Number(t);
  return n > 0 && n < min;
}

export function checkFormula(text: string, where: string, report: Report): void {
  if (isFormulaLike(text)) report('formula_cell', `${where}: ${JSON.stringify(text.slice(0, 30))}`);
}

/** True when v (or v / 100) is p / q for some q ≤ 1000: such values (2/3, 100 × 13/15) recur by chance. */
function isSimpleFraction(v: number): boolean {
  for (const x of [v, v / 100])
    for (let q = 1; q <= 1000; q++)
      if (Math.abs(x * q - Math.round(x * q)) < 1e-9 * Math.max(1, Math.abs(x * q))) return true;
  return false;
}

/**
 * Exact renderings of withheld values that are specific enough to search for (134.6528037027769, 0.04083721):
 * integers, short decimals and simple fractions would match unrelated numbers, so they are left to the
 * other checks.
 */
export function sentinelsOf(values: readonly number[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (!Number.isFinite(v) || isSimpleFraction(v)) continue;
    const s = String(v);
    if (s.replace(/^-?0*\.?0*/, '').replace('.', '').length >= 7) out.add(s);
  }
  return [...out].sort();
}
