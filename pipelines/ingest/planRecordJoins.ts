/**
 * A quoted field may hold line breaks (RFC 4180; Excel writes one for a name or address typed with
 * Alt+Enter), so one record can span physical lines. Such a record may span at most this many lines: a quote
 * left open longer than that is a broken row, not a field, and must not swallow the rows after it.
 */
export const MAX_RECORD_LINES = 100;

/** Where a CSV scan is: RFC 4180 quoting, where a quote opens a field only at the field's start. */
interface QuoteState {
  inQuoted: boolean;
  /** a quote seen inside a quoted field: closing, or the first half of an escaped "" */
  pendingQuote: boolean;
  fieldStart: boolean;
  afterClose: boolean;
  wellFormed: boolean;
}

function newState(): QuoteState {
  return { inQuoted: false, pendingQuote: false, fieldStart: true, afterClose: false, wellFormed: true };
}

function feed(st: QuoteState, text: string, delimiter: string): void {
  for (const c of text) {
    if (st.pendingQuote) {
      st.pendingQuote = false;
      if (c === '"') continue; // "" inside a quoted field
      st.inQuoted = false;
      st.afterClose = true;
    }
    if (st.inQuoted) {
      if (c === '"') st.pendingQuote = true;
      continue;
    }
    if (st.afterClose) {
      st.afterClose = false;
      if (c === delimiter) st.fieldStart = true;
      else st.wellFormed = false; // text after a closing quote
      continue;
    }
    if (c === delimiter) {
      st.fieldStart = true;
      continue;
    }
    if (st.fieldStart && c === '"') st.inQuoted = true;
    st.fieldStart = false;
  }
}

const isOpen = (st: QuoteState) => st.inQuoted && !st.pendingQuote;

/**
 * Which physical lines form one record: [first, last] for every record that spans lines. `oddLines` are the
 * lines with an odd number of quotes, ascending (only they can open or close a multi-line field); `textOf`
 * gives the text of the lines between consecutive odd lines. A line opens a record only when it ends inside a
 * quoted field that began at a field's start; the record is taken when its quote closes within
 * MAX_RECORD_LINES lines and the whole record is well-formed. Otherwise the opening line stays a line of its
 * own (and is quarantined as a broken row), and the next odd line is tried as an opener.
 * Example: lines 2 `1,"湖州` and 3 `路1号",3` → [[2, 3]].
 */
export function planRecordJoins(
  oddLines: readonly number[],
  textOf: (line: number) => string | undefined,
  delimiter: string,
): Array<[number, number]> {
  const joins: Array<[number, number]> = [];
  let i = 0;
  while (i < oddLines.length) {
    const first = oddLines[i];
    const st = newState();
    feed(st, textOf(first) ?? '', delimiter);
    let last: number | null = null;
    for (let line = first + 1; isOpen(st) && line < first + MAX_RECORD_LINES; line++) {
      const text = textOf(line);
      if (text === undefined) break;
      feed(st, `\n${text}`, delimiter);
      if (!isOpen(st)) last = line;
    }
    if (last !== null && st.wellFormed) {
      joins.push([first, last]);
      const end = last;
      while (i < oddLines.length && oddLines[i] <= end) i++;
    } else {
      i++;
    }
  }
  return joins;
}
