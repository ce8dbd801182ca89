import { tokenizeSql } from './sqlTokens.ts';

/**
 * Rewrites the schema-qualified relation names of a query (`mart.enterprise_year`) that `names` maps to other
 * names, leaving every other word, string and comment as written. The build uses it to run models and their
 * checks against the tables it builds aside (`mart.enterprise_year__next`) before it swaps them in.
 * Example: renameRelations('select * from mart.a', new Map([['mart.a', 'mart.a__next']])) →
 * 'select * from mart.a__next'.
 */
export function renameRelations(sql: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return sql;
  const tokens = tokenizeSql(sql);
  const edits: { start: number; end: number; text: string }[] = [];
  tokens.forEach((t, i) => {
    const dot = tokens[i + 1];
    const table = tokens[i + 2];
    if (t.kind !== 'word' || dot?.text !== '.' || table?.kind !== 'word' || tokens[i - 1]?.text === '.')
      return;
    const renamed = names.get(`${t.text}.${table.text}`);
    if (renamed) edits.push({ start: t.start, end: table.start + table.text.length, text: renamed });
  });
  let out = sql;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
