/** The money units extracts use, and how a value in each reaches 万元: value × mul ÷ div. */
export const MONEY_UNITS = {
  万元: { mul: 1, div: 1 },
  元: { mul: 1, div: 10_000 },
  千元: { mul: 1, div: 10 },
  亿元: { mul: 10_000, div: 1 },
} as const satisfies Record<string, { mul: number; div: number }>;

export type MoneyUnit = keyof typeof MONEY_UNITS;

// The longest names first, so that 万元 is not read as 元.
const UNIT_PATTERN = /(万元|千元|亿元|元)/g;

/**
 * The money unit a unit line declares: `单位：万元` → '万元', `单位：元` → '元'; null when the line is not a unit
 * line or names no money unit (单位：家); 'conflict' when it names two different money units.
 */
export function unitLineUnit(text: string): MoneyUnit | 'conflict' | null {
  const m = /(?:计量)?单位\s*[:：]\s*(.*)$/.exec(text.normalize('NFKC').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const units = new Set([...m[1].matchAll(UNIT_PATTERN)].map((u) => u[1] as MoneyUnit));
  if (units.size === 0) return null;
  return units.size === 1 ? [...units][0] : 'conflict';
}
