/** Quotes a SQL identifier for DuckDB (doubling embedded quotes). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a possibly schema-qualified name: `mart.x` → `"mart"."x"`. */
export function quoteQualified(name: string): string {
  return name.split('.').map(quoteIdent).join('.');
}

/**
 * Replaces `{{key}}` placeholders in a SQL template. Only identifiers and fixed SQL fragments built by
 * this code go through here; values are always bound parameters.
 */
export function substitute(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`SQL template placeholder {{${key}}} has no value`);
    return v;
  });
}

/** A SQL string literal, for the few statements that take no parameters (comment on …). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
