import { z } from 'zod';

const share = z.number().min(0).max(1);

/**
 * Thresholds of methodology §9 (growth paths, reconciliation, high growth, 培育库 candidates): one sub-object
 * so a version can change any of them without touching SQL.
 */
export const GrowthPathsSchema = z.object({
  reconciliation: z.object({
    /** Flagged where |registry − reported| exceeds this share of the reported value … */
    relative_threshold: share,
    /** … and exceeds this many enterprises (both conditions, strictly greater). */
    absolute_threshold: z.number().min(0),
    /** Plan indicator 7 counts new listings on these boards only. */
    indicator_7_boards: z.array(z.string().min(1)).min(1),
  }),
  high_growth: z.object({
    /** Average annualised growth must exceed this (exactly this is not high growth). */
    growth_rate: z.number().positive(),
    /** Employees at the start of the period, at least. */
    min_employees: z.number().int().min(1),
    /** Length of the growth period in years. */
    years: z.number().int().min(1).max(10),
    /** Gazelles: established at most this many years before t. */
    gazelle_max_age_years: z.number().int().min(0),
  }),
  candidates: z.object({
    /** 小升规: revenue at least this share of the industry's above-scale threshold … */
    upgrade_revenue_share: share,
    /** … and revenue growth t−1 → t at least this (or no t−1 filing). */
    upgrade_revenue_growth: z.number(),
    /** 规改股: 规上 有限责任公司 with revenue at least this (万元). */
    joint_stock_revenue_min_wan: z.number().min(0),
    /** 股上市: 股份有限公司 not yet listed with revenue at least this (万元) and profit > 0 in t and t−1. */
    listing_revenue_min_wan: z.number().min(0),
  }),
  note_zh: z.string().optional(),
});

export type GrowthPathsMethod = z.infer<typeof GrowthPathsSchema>;
