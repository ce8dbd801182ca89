import { z } from 'zod';

const goalpostPair = z.object({ lo: z.number(), hi: z.number() });

/** Normalisation methods. Direction is applied inside each (see README.md). */
export const normaliseSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('minmax'),
    lo: z.number().default(0),
    hi: z.number().default(100),
  }),
  z.object({
    method: z.literal('zscore'),
    mean: z.number().default(0),
    sd: z.number().positive().default(1),
  }),
  z.object({
    method: z.literal('goalposts'),
    /** Goalposts used for every indicator without its own pair (raw units). */
    default: goalpostPair.optional(),
    /** Per-indicator goalposts (raw units), highest priority. */
    byIndicator: z.record(z.string(), goalpostPair).default({}),
    /** Use iMeta Target as the "good" goalpost (hi for direction 1, lo for −1); the other end is the observed worst value. */
    useTarget: z.boolean().default(false),
    scale: z.number().positive().default(100),
    truncate: z.boolean().default(true),
  }),
  z.object({
    method: z.literal('baseyear'),
    baseYear: z.number().int(),
  }),
]);

export const engineConfigSchema = z.object({
  /** Divide indicators by their iMeta Denominator column. */
  denominate: z.boolean().default(false),
  impute: z
    .discriminatedUnion('method', [
      z.object({ method: z.literal('none') }),
      z.object({ method: z.literal('group-mean'), group: z.string().min(1) }),
    ])
    .default({ method: 'none' }),
  /** Keep a unit iff its share of non-missing indicators (after imputation) is ≥ threshold; null = no screening. */
  screen: z
    .object({ threshold: z.number().min(0).max(1) })
    .nullable()
    .default(null),
  treat: z
    .discriminatedUnion('method', [
      z.object({ method: z.literal('none') }),
      z.object({
        method: z.literal('winsor'),
        winmax: z.number().int().min(0).default(5),
        skewThreshold: z.number().positive().default(2),
        kurtThreshold: z.number().default(3.5),
      }),
    ])
    .default({ method: 'none' }),
  normalise: normaliseSchema.default({ method: 'minmax', lo: 0, hi: 100 }),
  aggregate: z
    .object({ method: z.enum(['arithmetic', 'geometric']).default('arithmetic') })
    .default({ method: 'arithmetic' }),
  /** Weight overrides by iCode (indicators or aggregates); others use iMeta Weight. */
  weights: z.record(z.string(), z.number().nonnegative()).default({}),
});

export type EngineConfig = z.output<typeof engineConfigSchema>;
export type EngineConfigInput = z.input<typeof engineConfigSchema>;
export type NormaliseConfig = z.output<typeof normaliseSchema>;

/** Validates a config, filling defaults; throws with `config: dotted.path: message` lines. */
export function parseEngineConfig(input: EngineConfigInput): EngineConfig {
  const r = engineConfigSchema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `config: ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(lines.join('\n'));
}

/** METHOD.md's ASEM pipeline (COINr 1.1.14 defaults), grouping variable given by the caller. */
export function asemConfig(group: string): EngineConfigInput {
  return {
    denominate: true,
    impute: { method: 'group-mean', group },
    screen: { threshold: 0.9 },
    treat: { method: 'winsor', winmax: 5 },
    normalise: { method: 'minmax', lo: 0, hi: 100 },
    aggregate: { method: 'arithmetic' },
  };
}

/** xiaowei's growth / vitality index (methodology §3–4): base-year ratio, arithmetic means, nothing else. */
export function baseYearIndexConfig(baseYear: number): EngineConfigInput {
  return {
    denominate: false,
    impute: { method: 'none' },
    screen: null,
    treat: { method: 'none' },
    normalise: { method: 'baseyear', baseYear },
    aggregate: { method: 'arithmetic' },
  };
}
