import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export type Check =
  | { kind: 'unique'; columns: string[] }
  | { kind: 'not_null'; columns: string[] }
  | { kind: 'accepted_values'; column: string; values: string }
  | { kind: 'relationships'; column: string; toModel: string; toColumn: string }
  | { kind: 'expression'; name: string; condition: string };

export interface Model {
  /** schema-qualified name, e.g. mart.business_demography */
  name: string;
  materialized: 'table' | 'view';
  grain: string;
  dependsOn: string[];
  checks: Check[];
  /** The model body: a SELECT. */
  sql: string;
  file: string;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Parses a model file's header comments, e.g.
 *   -- model: mart.business_demography
 *   -- materialized: table
 *   -- depends_on: mart.enterprise_year
 *   -- check unique: year, region_code
 *   -- check accepted_values: level in ('indicator','module','total')
 *   -- check relationships: region_code -> ref.regions.region_code
 *   -- check expression: births_not_above_active: births <= active + deaths
 */
export function parseModelFile(text: string, file: string): Model {
  const header: Record<string, string> = {};
  const checks: Check[] = [];
  for (const line of text.split('\n')) {
    const m = /^--\s*(model|materialized|grain|depends_on|check [a-z_]+):\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, key, value] = m;
    if (!key.startsWith('check ')) {
      header[key] = value.trim();
      continue;
    }
    const kind = key.slice(6);
    if (kind === 'unique') checks.push({ kind, columns: list(value) });
    else if (kind === 'not_null') checks.push({ kind, columns: list(value) });
    else if (kind === 'accepted_values') {
      const av = /^(\w+)\s+in\s+\((.*)\)\s*$/.exec(value.trim());
      if (!av) throw new Error(`${file}: check accepted_values: expected "column in ('a','b')"`);
      checks.push({ kind, column: av[1], values: av[2] });
    } else if (kind === 'relationships') {
      const rel = /^(\w+)\s*->\s*(\w+\.\w+)\.(\w+)\s*$/.exec(value.trim());
      if (!rel) throw new Error(`${file}: check relationships: expected "column -> schema.table.column"`);
      checks.push({ kind, column: rel[1], toModel: rel[2], toColumn: rel[3] });
    } else if (kind === 'expression') {
      const ex = /^(\w+):\s*(.+)$/.exec(value.trim());
      if (!ex) throw new Error(`${file}: check expression: expected "name: condition"`);
      checks.push({ kind, name: ex[1], condition: ex[2] });
    } else throw new Error(`${file}: unknown check kind "${kind}"`);
  }
  if (!header.model || !/^\w+\.\w+$/.test(header.model))
    throw new Error(`${file}: missing "-- model: schema.table"`);
  const materialized = header.materialized ?? 'table';
  if (materialized !== 'table' && materialized !== 'view') {
    throw new Error(`${file}: materialized must be table or view`);
  }
  return {
    name: header.model,
    materialized,
    grain: header.grain ?? '',
    dependsOn: list(header.depends_on ?? ''),
    checks,
    sql: text,
    file,
  };
}

/** Reads every model below the given layer folders (e.g. sql/staging, sql/marts), sorted by path. */
export function readModels(root: string, layers: string[]): Model[] {
  const models: Model[] = [];
  for (const layer of layers) {
    const dir = join(root, layer);
    const walk = (d: string) => {
      for (const entry of readdirSync(d).sort()) {
        const p = join(d, entry);
        if (statSync(p).isDirectory()) walk(p);
        else if (entry.endsWith('.sql'))
          models.push(parseModelFile(readFileSync(p, 'utf8'), relative(root, p)));
      }
    };
    walk(dir);
  }
  return models;
}

/** Orders models so each comes after the models it depends on; external names (raw.*, ref.*) are ignored. */
export function orderModels(models: Model[]): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: Model[] = [];
  const visit = (m: Model, path: string[]) => {
    if (done.has(m.name)) return;
    if (visiting.has(m.name)) throw new Error(`model dependency cycle: ${[...path, m.name].join(' -> ')}`);
    visiting.add(m.name);
    for (const dep of m.dependsOn) {
      const d = byName.get(dep);
      if (d) visit(d, [...path, m.name]);
    }
    visiting.delete(m.name);
    done.add(m.name);
    out.push(m);
  };
  for (const m of models) visit(m, []);
  return out;
}
