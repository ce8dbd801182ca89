import { extname } from 'node:path';
import { message } from '../messages/catalogue.ts';
import type { FileSniff } from './sniffFile.ts';

export type ExtractFormat = 'csv' | 'tsv' | 'xlsx' | 'parquet' | 'arrow';
/** `legacy`: not valid UTF-8 as a whole; decoded line by line as UTF-8 or GBK/GB18030 (transcodeByLine.ts). */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'legacy';

export type FormatDetection =
  | {
      ok: true;
      format: ExtractFormat;
      encoding: TextEncoding | 'binary';
      delimiter?: ',' | '\t';
      /** line end byte of a text file: LF (also CRLF), or CR for a CR-only file (Excel for Mac) */
      newline?: 0x0a | 0x0d;
    }
  | { ok: false; problem: string };

const ARROW_MAGIC = Buffer.from('ARROW1');
const ARROW_CONTINUATION = Buffer.from([0xff, 0xff, 0xff, 0xff]);

/** Format from magic bytes first, extension second; text files get their encoding and delimiter. */
export function detectFormat(path: string, sniff: FileSniff): FormatDetection {
  const head = sniff.head;
  const ext = extname(path).toLowerCase();
  if (sniff.bytes === 0) return { ok: false, problem: message('ingest.empty_file') };
  if (head.subarray(0, 4).equals(Buffer.from('PAR1')))
    return { ok: true, format: 'parquet', encoding: 'binary' };
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (ext === '.xls' || ext === '.xlsx' || ext === '.xlsm' || ext === '') {
      return { ok: true, format: 'xlsx', encoding: 'binary' };
    }
    return { ok: false, problem: message('ingest.zip_not_xlsx', { ext }) };
  }
  if (head.subarray(0, 6).equals(ARROW_MAGIC)) return { ok: true, format: 'arrow', encoding: 'binary' };
  if (
    head.subarray(0, 4).equals(ARROW_CONTINUATION) &&
    ['.arrow', '.arrows', '.ipc', '.feather'].includes(ext)
  ) {
    return { ok: true, format: 'arrow', encoding: 'binary' };
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return { ok: false, problem: message('ingest.legacy_xls') };
  }
  if (sniff.hasNul) return { ok: false, problem: message('ingest.binary') };
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: TextEncoding = !sniff.utf8 ? 'legacy' : bom ? 'utf8-bom' : 'utf8';
  const newline = !sniff.hasLf && sniff.hasCr ? 0x0d : 0x0a;
  return { ok: true, encoding, newline, ...delimiterOf(ext, head) };
}

// Tab when the name says .tsv, or when the first lines hold more tabs than commas (a title line above the
// header may hold neither).
function delimiterOf(ext: string, head: Buffer): { format: 'csv' | 'tsv'; delimiter: ',' | '\t' } {
  const lines = head
    .toString('latin1')
    .split(/\r\n|\r|\n/)
    .slice(0, 20)
    .join('\n');
  const tabs = lines.split('\t').length - 1;
  const commas = lines.split(',').length - 1;
  return ext === '.tsv' || tabs > commas
    ? { format: 'tsv', delimiter: '\t' }
    : { format: 'csv', delimiter: ',' };
}
