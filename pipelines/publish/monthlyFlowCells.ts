import type { ChartRegion } from '../charts/chartData.ts';
import { monthlyFlowKey } from './cellKeys.ts';
import type { Contribution } from './publishMartData.ts';
import { type Relation, type StatCell, SUPPRESSION_TIERS } from './statCell.ts';

/** One cell of mart.monthly_flows: the entities (企业 or 个体工商户) of a flow in a region and month. */
export interface MonthlyFlowCount {
  region_code: string;
  month: string;
  metric: string;
  value: number;
}

/**
 * The monitoring section's cells (methodology §10, §6): every monthly flow is a count of entities and rests on
 * itself, so a county month of 1–2 is withheld; the city's count of a month is the sum of its counties' (firms
 * registered at city level assumed known to the reader, the cautious assumption), so a withheld county is
 * protected by a second cell. Cells cover every month, so every bulletin and the dashboard take one decision.
 */
export function monthlyFlowContribution(
  rows: readonly MonthlyFlowCount[],
  regions: readonly ChartRegion[],
): Contribution {
  const city = regions.find((r) => r.level === 'city')?.region_code;
  const counties = new Set(regions.filter((r) => r.level === 'county').map((r) => r.region_code));
  const cells: StatCell[] = rows.map((r) => ({
    key: monthlyFlowKey(r.region_code, r.month, r.metric),
    value: r.value,
    builtFrom: { kind: 'enterprises', counts: [r.value] },
    tier: SUPPRESSION_TIERS.count + (r.region_code === city ? SUPPRESSION_TIERS.cityBonus : 0),
    size: r.value,
  }));
  const groups = new Map<string, { city?: MonthlyFlowCount; parts: MonthlyFlowCount[] }>();
  for (const r of rows) {
    const id = `${r.month}|${r.metric}`;
    const g = groups.get(id) ?? { parts: [] };
    if (r.region_code === city) g.city = r;
    else if (counties.has(r.region_code)) g.parts.push(r);
    groups.set(id, g);
  }
  const relations: Relation[] = [];
  for (const [id, g] of groups) {
    if (!g.city || g.parts.length === 0) continue;
    const members = [g.city, ...g.parts];
    relations.push({
      id: `mf-sum|${id}`,
      kind: 'sum',
      members: members.map((r) => monthlyFlowKey(r.region_code, r.month, r.metric)),
      parts: members.map((r) => r.value),
    });
  }
  return { cells, relations };
}
