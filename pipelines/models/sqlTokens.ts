/** A token of SQL text, outside comments and string literals, with its 1-based line. */
export interface SqlToken {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'param' | 'placeholder' | 'symbol';
  text: string;
  line: number;
  /** Offset of the token's first character in the text. */
  start: number;
}

/**
 * Splits SQL into tokens for the style linter: comments are skipped, string literals and quoted identifiers
 * are single tokens (so a keyword inside them is never a finding), `{{x}}` template placeholders and `$name`
 * parameters are tokens of their own. Not a parser: DuckDB parses; this only sees the words as written.
 */
export function tokenizeSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  let line = 1;
  const push = (kind: SqlToken['kind'], start: number, startLine: number) =>
    tokens.push({ kind, text: text.slice(start, i), line: startLine, start });
  const skipTo = (end: string) => {
    const j = text.indexOf(end, i);
    const stop = j === -1 ? text.length : j + end.length;
    for (; i < stop; i++) if (text[i] === '\n') line++;
  };
  while (i < text.length) {
    const c = text[i];
    const start = i;
    const startLine = line;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (text.startsWith('--', i)) skipTo('\n');
    else if (text.startsWith('/*', i)) {
      i += 2;
      skipTo('*/');
    } else if (text.startsWith('{{', i)) {
      i += 2;
      skipTo('}}');
      push('placeholder', start, startLine);
    } else if (c === "'" || c === '"') {
      i++;
      // A doubled quote inside the literal is an escaped quote, not its end.
      while (i < text.length && !(text[i] === c && text[i + 1] !== c)) {
        if (text[i] === c) i++;
        if (text[i] === '\n') line++;
        i++;
      }
      i++;
      push(c === "'" ? 'string' : 'quoted', start, startLine);
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_\u0080-\uffff]/.test(text[i])) i++;
      push('word', start, startLine);
    } else if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9.eE_]/.test(text[i])) i++;
      push('number', start, startLine);
    } else if (c === '$' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      i++;
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
      push('param', start, startLine);
    } else {
      i++;
      push('symbol', start, startLine);
    }
  }
  return tokens;
}
