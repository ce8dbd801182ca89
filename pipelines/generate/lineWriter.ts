import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import iconv from 'iconv-lite';

export type Encoding = 'utf8' | 'gbk';

/** Where formatted rows go: a CSV file (here) or a workbook sheet (xlsxWriter.ts). */
export interface RowWriter {
  /** Physical line number the next line will get (header = 1). */
  readonly nextLine: number;
  row(fields: readonly string[]): void;
  blank(): void;
  /** Writes raw text with no newline after it: the truncated last line. */
  rawEnd(text: string): void;
  close(): Promise<void>;
}

const CHUNK_CHARS = 1 << 20;
const BUFFER_BYTES = 8 << 20;

/** Encodes one CSV record; quotes fields only when the record holds a comma, quote or newline inside a field. */
export function csvLine(fields: readonly string[]): string {
  const s = fields.join(',');
  let commas = 0;
  for (let k = s.indexOf(','); k !== -1; k = s.indexOf(',', k + 1)) commas++;
  if (commas === fields.length - 1 && s.indexOf('"') === -1 && s.indexOf('\n') === -1) return s;
  return fields.map((f) => (/[",\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}

/**
 * Streams CSV lines to `path` through a temp file renamed on close (atomic). UTF-8 goes through an
 * 8 MB byte buffer; GBK through 1M-character chunks encoded by iconv-lite. Chunks end on line
 * boundaries, so no character is ever split.
 */
export class CsvWriter implements RowWriter {
  nextLine = 1;
  private chunks: string[] = [];
  private chunkChars = 0;
  private readonly bytes: Buffer | null;
  private used = 0;
  private readonly fd: number;
  private readonly tmp: string;

  constructor(
    private readonly path: string,
    encoding: Encoding,
  ) {
    this.tmp = `${path}.tmp`;
    this.fd = openSync(this.tmp, 'w');
    this.bytes = encoding === 'utf8' ? Buffer.allocUnsafe(BUFFER_BYTES) : null;
  }

  private push(text: string): void {
    const b = this.bytes;
    if (b) {
      // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
      if (this.used + text.length * 3 > b.length) this.flush();
      if (text.length * 3 > b.length) this.writeAll(Buffer.from(text, 'utf8'));
      else this.used += b.write(text, this.used, 'utf8');
      return;
    }
    this.chunks.push(text);
    this.chunkChars += text.length;
    if (this.chunkChars >= CHUNK_CHARS) this.flush();
  }

  private writeAll(bytes: Buffer): void {
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off);
  }

  private flush(): void {
    if (this.bytes) {
      this.writeAll(this.bytes.subarray(0, this.used));
      this.used = 0;
      return;
    }
    if (this.chunks.length === 0) return;
    this.writeAll(iconv.encode(this.chunks.join(''), 'gbk'));
    this.chunks = [];
    this.chunkChars = 0;
  }

  row(fields: readonly string[]): void {
    this.push(`${csvLine(fields)}\n`);
    this.nextLine++;
  }

  blank(): void {
    this.push('\n');
    this.nextLine++;
  }

  rawEnd(text: string): void {
    this.push(text);
    this.nextLine++;
  }

  async close(): Promise<void> {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }
}
