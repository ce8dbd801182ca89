import { z } from 'zod';

const positive = z.number().positive();

/** Methodology §10 thresholds (the `monitoring` sub-object of a methodology file). */
export const MonitoringSchema = z.object({
  monthly: z.object({
    /** E = mean of the same calendar month in this many previous years … */
    seasonal_years: z.number().int().min(1).max(10),
    /** … of which at least this many must be covered, else no expectation and no alert. */
    min_years: z.number().int().min(1),
    /** Trend factor g: flows of this many months before m over the same months a year earlier. */
    trend_months: z.number().int().min(1).max(24),
    /** Band half-width in Poisson standard deviations: μ ± band_sigmas·√μ. */
    band_sigmas: positive,
    /** High alert also needs y ≥ high_ratio·μ; low alert y ≤ low_ratio·μ. */
    high_ratio: z.number().gt(1),
    low_ratio: z.number().gt(0).lt(1),
    /** … and |y − μ| ≥ min_abs_change. */
    min_abs_change: z.number().min(0),
    /** 预警 when |y − μ| ≥ severe_multiple × the threshold (see methodology_monitoring.sql), else 关注. */
    severe_multiple: z.number().gt(1),
  }),
  quarterly: z.object({
    /** A worsening into this status is 预警; into any other, 关注. */
    warning_status: z.enum(['滞后', '严重滞后']),
  }),
  annual: z.object({
    /** Points a total must fall year on year to alert, and a module. */
    total_drop: positive,
    module_drop: positive,
    /** 预警 when the fall is at least severe_multiple × its threshold. */
    severe_multiple: z.number().gt(1),
  }),
  note_zh: z.string().optional(),
});

export type Monitoring = z.infer<typeof MonitoringSchema>;
