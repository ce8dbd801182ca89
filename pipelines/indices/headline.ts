import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';

const indexLine = z.object({
  index_name: z.enum(['growth', 'vitality']),
  code: z.string(),
  level: z.string(),
  name_zh: z.string(),
  value: z.number().nullable(),
  previous_value: z.number().nullable(),
});

const rankLine = z.object({
  region_code: z.string(),
  name_zh: z.string(),
  total_score: z.number(),
  rank: z.number(),
});

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const change = (v: number | null, p: number | null) => {
  if (v === null || p === null) return '';
  const d = v - p;
  return d >= 0.05
    ? `（比上年提高 ${d.toFixed(1)} 点）`
    : d <= -0.05
      ? `（比上年下降 ${(-d).toFixed(1)} 点）`
      : '（与上年持平）';
};

/** The year's headline in Chinese: city growth and vitality indices with modules, and the county ranking. */
export async function formatHeadline(con: DuckDBConnection, year: number, version = 'v1'): Promise<string> {
  const lines = await readRows(con, indexLine, readSql('queries/cli/headline_indices.sql'), {
    version,
    year,
    region: '330500',
  });
  const ranks = await readRows(con, rankLine, readSql('queries/cli/headline_ranking.sql'), {
    version,
    year,
  });
  const out: string[] = [`${year}年湖州市小微企业指数（方法 ${version}，基期 = 100）`];
  for (const name of ['growth', 'vitality'] as const) {
    const label = name === 'growth' ? '小微企业成长指数' : '新设小微企业活力指数';
    const total = lines.find((l) => l.index_name === name && l.level === 'total');
    out.push(
      `  ${label}：${fmt(total?.value ?? null)}${change(total?.value ?? null, total?.previous_value ?? null)}`,
    );
    for (const m of lines.filter((l) => l.index_name === name && l.level === 'module')) {
      out.push(`    ${m.code} ${m.name_zh}：${fmt(m.value)}`);
    }
  }
  out.push(`  "8631"评价排序（${year}年末）：`);
  if (ranks.length === 0) out.push('    （无计划指标数据）');
  for (const r of ranks) out.push(`    ${r.rank}. ${r.name_zh} ${r.total_score.toFixed(1)} 分`);
  return `${out.join('\n')}\n`;
}
