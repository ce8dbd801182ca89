import { z } from 'zod';

const variable = z.string().regex(/^[a-z][a-z0-9_]*$/, 'an input variable of mart.index_inputs');

/**
 * Methodology §8: the indices per 八大万亿产业. Which levels are sliced, which inputs an industry slice does not
 * have (they drop with their reason and the weights renormalise), and the proxy note the report prints.
 */
export const IndustrySlicesSchema = z.object({
  /** Publish county × industry rows as well as the city's (§8: city level by default). */
  county_by_industry: z.boolean(),
  /** Inputs that exist per region only (plan data D1–D4): dropped as region_level_only. */
  region_level_only: z.array(variable),
  /** Inputs constant within an industry (V1c, the priority-industry share, is 1): dropped as constant_within_industry. */
  constant_within_industry: z.array(variable),
  /** The report's note that undeclared firms are classed by a proxy from their industry code. */
  proxy_note_zh: z.string().min(1),
});

export type IndustrySlices = z.infer<typeof IndustrySlicesSchema>;
