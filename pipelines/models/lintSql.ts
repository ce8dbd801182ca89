import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readRows } from '../db/warehouse.ts';
import { ASIDE_SUFFIX } from './buildAside.ts';
import { parseModelFile } from './modelFile.ts';
import { type SqlToken, tokenizeSql } from './sqlTokens.ts';
import { tablesRead } from './tablesRead.ts';

/** One finding of the SQL linter: file (relative to sql/), line, rule and what to change. */
export interface SqlFinding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

const keywordRow = z.object({ word: z.string() });

/** DuckDB's own keyword list (reserved and unreserved), lower-case. */
export async function duckdbKeywords(con: DuckDBConnection): Promise<Set<string>> {
  const rows = await readRows(con, keywordRow, 'select keyword_name as word from duckdb_keywords()');
  return new Set(rows.map((r) => r.word.toLowerCase()));
}

/**
 * Template placeholders stand for an identifier (`{{table}}`) or a query (`{{published_values}}`): both are tried,
 * so that a template parses like the SQL it becomes.
 */
const placeholderStandIns = (text: string) => [
  text.replace(/\{\{\w+\}\}/g, 'x'),
  text.replace(/\{\{\w+\}\}/g, '(select 1)'),
];

const isName = (t: SqlToken | undefined, keywords: Set<string>) =>
  t !== undefined && ((t.kind === 'word' && !keywords.has(t.text.toLowerCase())) || t.kind === 'quoted');

/**
 * Style rules of /work/shared/style.md that a parser cannot see, on the tokens as written: keywords in lower
 * case; aliases introduced by `as` (tables after from/join, and select-list columns).
 */
export function lintTokens(
  file: string,
  text: string,
  keywords: Set<string>,
  selectOnly: boolean,
): SqlFinding[] {
  const out: SqlFinding[] = [];
  const tokens = tokenizeSql(text);
  tokens.forEach((t, i) => {
    if (t.kind === 'word' && keywords.has(t.text.toLowerCase()) && t.text !== t.text.toLowerCase()) {
      out.push({ file, line: t.line, rule: 'lowercase-keywords', message: `write ${t.text} in lower case` });
    }
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // from/join <schema.table> <alias>: the alias needs `as`.
    if (prev && /^(from|join)$/i.test(prev.text) && isName(t, keywords)) {
      let j = i + 1;
      while (tokens[j]?.text === '.' && isName(tokens[j + 1], keywords)) j += 2;
      if (isName(tokens[j], keywords)) {
        out.push({
          file,
          line: tokens[j].line,
          rule: 'explicit-as',
          message: `write "as ${tokens[j].text}" for the alias of ${tokens[i].text}`,
        });
      }
    }
    // <expression> <alias>, in a select list: a value followed directly by a name, then a comma or from.
    if (
      selectOnly &&
      prev &&
      isName(t, keywords) &&
      (isName(prev, keywords) || prev.text === ')' || prev.kind === 'number' || prev.kind === 'string') &&
      next &&
      (next.text === ',' || /^from$/i.test(next.text)) &&
      !/^(from|join)$/i.test(tokens[i - 2]?.text ?? '') &&
      tokens[i - 2]?.text !== '.'
    ) {
      out.push({
        file,
        line: t.line,
        rule: 'explicit-as',
        message: `write "as ${t.text}" for this column alias`,
      });
    }
  });
  return out;
}

/**
 * Outside staging, a model passes columns through unnamed (a bare `select * from x`) only in its final CTE and
 * its last line, `select * from final`; `select *, extra` and `select * exclude (…)` say what they change.
 */
function lintSelectStar(file: string, text: string): SqlFinding[] {
  const tokens = tokenizeSql(text);
  const finalStart = tokens.findIndex(
    (t, i) => t.text === 'final' && /^as$/i.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.text === '(',
  );
  let finalEnd = -1;
  if (finalStart >= 0) {
    let depth = 0;
    for (let i = finalStart + 2; i < tokens.length; i++) {
      if (tokens[i].text === '(') depth++;
      else if (tokens[i].text === ')' && --depth === 0) {
        finalEnd = i;
        break;
      }
    }
  }
  const out: SqlFinding[] = [];
  tokens.forEach((t, i) => {
    if (
      !/^select$/i.test(t.text) ||
      tokens[i + 1]?.text !== '*' ||
      !/^from$/i.test(tokens[i + 2]?.text ?? '')
    )
      return;
    // A literal table names its columns in its alias list; a later branch of a union takes the first one's names.
    const literal = tokens[i + 3]?.text === '(' && /^values$/i.test(tokens[i + 4]?.text ?? '');
    const unionBranch =
      /^union$/i.test(tokens[i - 1]?.text ?? '') || /^union$/i.test(tokens[i - 2]?.text ?? '');
    if (literal || unionBranch) return;
    const inFinalCte = i > finalStart && i < finalEnd;
    const isLastLine = i > finalEnd && tokens[i + 3]?.text === 'final';
    if (!inFinalCte && !isLastLine) {
      out.push({
        file,
        line: t.line,
        rule: 'select-star',
        message: 'name the columns: a mart passes * through only in its final CTE and in select * from final',
      });
    }
  });
  return out;
}

/**
 * Lints one model file: header, its name, depends_on against the tables it reads, and select *. depends_on is
 * what the model needs to be built and checked: the tables its SQL reads and those its hand-written checks
 * (`checks`, the texts of sql/checks/<model>/*.sql) read; a relationships check's target may be listed too.
 */
async function lintModel(
  con: DuckDBConnection,
  file: string,
  text: string,
  checks: string[],
): Promise<SqlFinding[]> {
  const out: SqlFinding[] = [];
  const add = (rule: string, message: string, line = 1) => out.push({ file, line, rule, message });
  let model: ReturnType<typeof parseModelFile>;
  try {
    model = parseModelFile(text, file);
  } catch (err) {
    add('header', (err as Error).message);
    return out;
  }
  for (const key of ['materialized', 'grain', 'depends_on']) {
    if (!new RegExp(`^--\\s*${key}:`, 'm').test(text)) add('header', `the header has no "-- ${key}:" line`);
  }
  if (model.name.endsWith(ASIDE_SUFFIX))
    add('header', `a model name never ends in ${ASIDE_SUFFIX} (the build's aside names)`);
  const base = file
    .split('/')
    .pop()
    ?.replace(/\.sql$/, '');
  if (model.name.split('.')[1] !== base)
    add('header', `model ${model.name} lives in a file named ${base}.sql`);
  const parsed = await tablesRead(con, text);
  if (!parsed.ok) {
    add('parse', parsed.error);
    return out;
  }
  const needed = new Set(parsed.tables);
  for (const check of checks) {
    const c = await tablesRead(con, check);
    if (c.ok) for (const t of c.tables) if (t !== model.name) needed.add(t);
  }
  const allowed = new Set([
    ...needed,
    ...model.checks.flatMap((c) => (c.kind === 'relationships' ? [c.toModel] : [])),
  ]);
  const declared = [...new Set(model.dependsOn)].sort();
  const missing = [...needed].filter((t) => !declared.includes(t)).sort();
  const extra = declared.filter((t) => !allowed.has(t));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `reads ${missing.join(', ')} not in depends_on` : '',
      extra.length > 0 ? `declares ${extra.join(', ')} that it does not read` : '',
    ];
    add(
      'depends-on',
      `${parts.filter(Boolean).join('; ')} (the SQL and its checks read: ${[...needed].sort().join(', ')})`,
    );
  }
  for (const t of parsed.unqualified) add('qualified-names', `read ${t} with its schema, e.g. mart.${t}`);
  if (!file.startsWith('models/staging/')) out.push(...lintSelectStar(file, text));
  return out;
}

/**
 * Lints one file below sql/: it parses with DuckDB's own parser (the only parser that knows DuckDB's SQL),
 * opens with a comment saying what it is for, follows the token rules, and — by folder — is a model with a
 * correct header (models/), or a single read-only SELECT (queries/, checks/).
 */
export async function lintSqlFile(
  con: DuckDBConnection,
  file: string,
  text: string,
  keywords: Set<string>,
  modelChecks: string[] = [],
): Promise<SqlFinding[]> {
  const out: SqlFinding[] = [];
  if (!text.trimStart().startsWith('--')) {
    out.push({
      file,
      line: 1,
      rule: 'file-comment',
      message: 'open the file with a comment saying what it is for',
    });
  }
  const selectOnly = /^(models|queries|checks)\//.test(file);
  let sql = '';
  let error = '';
  for (const candidate of placeholderStandIns(text)) {
    try {
      const statements = await con.extractStatements(candidate);
      if (selectOnly && statements.count !== 1) {
        out.push({
          file,
          line: 1,
          rule: 'one-select',
          message: `holds ${statements.count} statements, not one`,
        });
      }
      sql = candidate;
      break;
    } catch (err) {
      error ||= (err as Error).message.split('\n')[0];
    }
  }
  if (!sql) {
    out.push({ file, line: 1, rule: 'parse', message: error });
    return out;
  }
  out.push(...lintTokens(file, text, keywords, selectOnly));
  if (file.startsWith('models/')) out.push(...(await lintModel(con, file, text, modelChecks)));
  else if (selectOnly) {
    const parsed = await tablesRead(con, sql);
    if (!parsed.ok) out.push({ file, line: 1, rule: 'one-select', message: `not a SELECT: ${parsed.error}` });
  }
  return out;
}

/** Every .sql file below `root`, as paths relative to it, sorted. */
export function listSqlFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (entry.endsWith('.sql')) files.push(relative(root, p));
    }
  };
  walk(root);
  return files;
}

/** Lints every file below `root` (the repository's sql/ folder). */
export async function lintSqlTree(con: DuckDBConnection, root: string): Promise<SqlFinding[]> {
  const keywords = await duckdbKeywords(con);
  const out: SqlFinding[] = [];
  const files = listSqlFiles(root);
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const model = file.startsWith('models/') ? /^--\s*model:\s*(\S+)/m.exec(text)?.[1] : undefined;
    const checks = model
      ? files.filter((f) => f.startsWith(`checks/${model}/`)).map((f) => readFileSync(join(root, f), 'utf8'))
      : [];
    out.push(...(await lintSqlFile(con, file, text, keywords, checks)));
  }
  return out;
}
