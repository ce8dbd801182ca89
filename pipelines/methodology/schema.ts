import { z } from 'zod';
import { GrowthPathsSchema } from './growthPathsSchema.ts';
import { IndustrySlicesSchema } from './industrySlicesSchema.ts';
import { MonitoringSchema } from './monitoringSchema.ts';

// One schema for every methodology version; the TypeScript types derive from it.
const code = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'codes are letters, digits and _')
  .refine((c) => c.toLowerCase() !== 'total', 'the code "total" is the index total itself');

/** Weights are relative (renormalised over what is present); a bound keeps their sums finite. */
const weight = z
  .number()
  .positive()
  .max(1000, 'weights are relative: use a number from 0 (exclusive) to 1000');

export const IndicatorSchema = z.object({
  code,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  /** Which computed input (mart.index_inputs.variable) feeds this indicator. */
  variable: z.string().min(1),
  direction: z.union([z.literal(1), z.literal(-1)]),
  weight,
});

export const ModuleSchema = z.object({
  code,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  weight,
  indicators: z.array(IndicatorSchema).min(1),
});

export const IndexSchema = z.object({
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  modules: z.array(ModuleSchema).min(1),
});

/** Methodology §11: the uncertain inputs of a published ranking, the draws and the seed. */
export const UncertaintySchema = z
  .object({
    /** N: draws of the uncertainty analysis; the sensitivity analysis runs N·(d+2) scenarios. */
    draws: z.number().int().min(2).max(1_000_000),
    seed: z.number().int().min(0).max(4_294_967_295),
    weight_factor_min: z.number().positive(),
    weight_factor_max: z.number().positive(),
    geometric_probability: z.number().min(0).max(1),
    exclusion_probability: z.number().min(0).max(1),
    note_zh: z.string().min(1),
  })
  .refine((u) => u.weight_factor_min <= u.weight_factor_max, {
    message: 'weight_factor_min must not exceed weight_factor_max',
    path: ['weight_factor_max'],
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const MethodologySchema = z
  .object({
    version: z.string().regex(/^[A-Za-z0-9._-]+$/, 'version is a short tag such as v1 or v1.1-test'),
    title_zh: z.string(),
    released: isoDate,
    base_year: z.number().int().min(2000).max(2100),
    plan: z.object({
      start: isoDate,
      months: z.number().int().positive(),
      first_year: z.number().int(),
      end_year: z.number().int(),
    }),
    publication: z.object({ min_enterprises: z.number().int().min(1) }),
    weights_note_zh: z.string().min(1),
    indices: z.object({ growth: IndexSchema, vitality: IndexSchema }),
    scorecard: z.object({
      period_ends: z.array(isoDate).min(1),
      /** Quarter ends scored as well (§5); one that is also in period_ends is that year-end row. */
      quarter_ends: z.array(isoDate).default([]),
      score_cap: z.number().positive(),
      on_track_ratio: z.number().positive(),
      lagging_ratio: z.number().positive(),
      county_target_decimals: z.number().int().min(0).max(6),
      stock_baseline_year: z.number().int(),
      indicator_kinds: z.object({
        stock: z.array(z.number().int().min(1).max(19)),
        annual: z.array(z.number().int().min(1).max(19)),
        cumulative: z.array(z.number().int().min(1).max(19)),
      }),
      county_targets: z.array(
        z.object({
          region_code: z.string().regex(/^\d{6}$/),
          indicator_no: z.number().int(),
          target: z.number(),
        }),
      ),
      county_targets_note_zh: z.string().optional(),
    }),
    growth_paths: GrowthPathsSchema,
    industry_slices: IndustrySlicesSchema,
    uncertainty: UncertaintySchema,
    monitoring: MonitoringSchema,
  })
  .superRefine((m, ctx) => {
    for (const name of ['growth', 'vitality'] as const) {
      const seen = new Set<string>();
      m.indices[name].modules.forEach((mod, i) => {
        for (const c of [mod.code, ...mod.indicators.map((x) => x.code)]) {
          if (seen.has(c))
            ctx.addIssue({
              code: 'custom',
              path: ['indices', name, 'modules', i],
              message: `duplicate code ${c}`,
            });
          seen.add(c);
        }
      });
    }
    const kinds = m.scorecard.indicator_kinds;
    const all = [...kinds.stock, ...kinds.annual, ...kinds.cumulative].sort((a, b) => a - b);
    if (all.length !== 19 || all.some((n, i) => n !== i + 1)) {
      ctx.addIssue({
        code: 'custom',
        path: ['scorecard', 'indicator_kinds'],
        message: 'each indicator 1–19 needs exactly one kind',
      });
    }
  });

export type Methodology = z.infer<typeof MethodologySchema>;
export type IndexDefinition = z.infer<typeof IndexSchema>;
export type IndexName = keyof Methodology['indices'];
export type UncertaintySettings = z.infer<typeof UncertaintySchema>;
