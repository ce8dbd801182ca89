/** A parsed CSV: header plus records, each record with the 1-based line number where it starts. */
export interface CsvTable {
  header: string[];
  records: { line: number; fields: string[] }[];
}

/**
 * Minimal RFC-4180 reader: comma separator, double-quoted fields with "" escapes and embedded
 * newlines, CRLF or LF line ends, optional UTF-8 BOM. Every record must have the header's width.
 * Throws `file:line: message` on malformed input. Example: parseCsv('a,b\n1,"x"', 'f.csv').
 */
export function parseCsv(text: string, file: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty unquoted field) is skipped rather than read as a record.
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new Error(`${file}:${line}: unexpected character after closing quote`);
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`${file}:${line}: quote inside an unquoted field`);
      inQuotes = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (inQuotes) throw new Error(`${file}:${rowLine}: unterminated quoted field`);
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  const head = rows.shift();
  if (!head) throw new Error(`${file}: empty file (no header row)`);
  const width = head.fields.length;
  for (const r of rows) {
    if (r.fields.length !== width) {
      throw new Error(`${file}:${r.line}: ${r.fields.length} fields, header has ${width}`);
    }
  }
  return { header: head.fields, records: rows };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a numeric CSV field as a double: empty (or R's `NA`) is missing (null); anything that is
 * not plain decimal/scientific text returns undefined so the caller can name the bad cell.
 */
export function parseNumberField(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '' || t === 'NA') return null;
  if (!NUMBER.test(t)) return undefined;
  return Number(t);
}
