// Just enough HTML reading for the guard: the report and dashboard templates are regular, and the guard only
// needs table cells and visible text, not a DOM.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

export function unescapeHtml(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (m, e: string) => {
    if (ENTITIES[e] !== undefined) return ENTITIES[e];
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return m;
  });
}

/** Embedded fonts and images are base64 payloads, not text: drop them before reading. */
export function stripDataUris(markup: string): string {
  return markup.replace(/data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+/gi, 'data:');
}

function cellTexts(row: string, tag: 'th' | 'td' | 'th|td'): string[] {
  const re = new RegExp(`<(?:${tag})\\b[^>]*>([\\s\\S]*?)</(?:${tag})>`, 'gi');
  return [...row.matchAll(re)].map((m) => unescapeHtml(m[1].replace(/<[^>]+>/g, '')).trim());
}

/** Each <table> as rows of cell text, header row first. */
export function htmlTables(markup: string): string[][][] {
  return [...markup.matchAll(/<table\b[\s\S]*?<\/table>/gi)].map((t) =>
    [...t[0].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) => cellTexts(r[1], 'th|td')),
  );
}

/** Visible text: scripts, styles and tags removed, entities decoded, one space between elements. */
export function htmlText(markup: string): string {
  return unescapeHtml(
    markup
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );
}
