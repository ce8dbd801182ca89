import { FLOW_KINDS, type FlowKind } from './seasonality.ts';

/** An injected event: one region's flow in one month multiplied by `factor` (`--event`). */
export interface EventSpec {
  /** A county code, or the city code for every county at once. */
  regionCode: string;
  year: number;
  /** 1–12. */
  month: number;
  metric: FlowKind;
  factor: number;
}

/**
 * Parses `COUNTY:YYYY-MM:METRIC:FACTOR`, e.g. `330503:2020-06:deaths_cancelled:3`. Returns the event or a
 * message for the analyst; `regions` are the codes the generator knows (counties and the city).
 */
export function parseEventSpec(text: string, regions: readonly string[]): EventSpec | string {
  const m = /^(\d{6}):(\d{4})-(\d{2}):([a-z_]+):([0-9]+(?:\.[0-9]+)?)$/.exec(text.trim());
  if (!m)
    return `--event ${text}: 格式应为 COUNTY:YYYY-MM:METRIC:FACTOR，例如 330503:2020-06:deaths_cancelled:3`;
  const [, regionCode, y, mo, metric, f] = m;
  if (!regions.includes(regionCode))
    return `--event ${text}: 未知区划 ${regionCode} (可用: ${regions.join(', ')})`;
  const month = Number(mo);
  if (month < 1 || month > 12) return `--event ${text}: 月份应为 01–12`;
  if (!(FLOW_KINDS as readonly string[]).includes(metric))
    return `--event ${text}: 未知指标 ${metric} (可用: ${FLOW_KINDS.join(', ')})`;
  const factor = Number(f);
  if (!(factor >= 0 && factor <= 100) || factor === 1)
    return `--event ${text}: 倍数应在 0–100 之间且不等于 1`;
  return { regionCode, year: Number(y), month, metric: metric as FlowKind, factor };
}

/** `2020-06`. */
export function eventMonth(e: EventSpec): string {
  return `${e.year}-${String(e.month).padStart(2, '0')}`;
}
