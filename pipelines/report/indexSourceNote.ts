/**
 * The footnote that names where a table's index values come from: each mart and its model file, the two steps from
 * a published number to its SQL (README "Where every number comes from").
 * Example: indexSourceNote(['growth_index']) = '数据表：mart.growth_index（sql/models/indices/growth_index.sql）。'
 */
export function indexSourceNote(tables: string[]): string {
  return `数据表：${tables.map((t) => `mart.${t}（sql/models/indices/${t}.sql）`).join('、')}。`;
}
