import { extname } from 'node:path';
import type { FileSniff } from './sniffFile.ts';

export type ExtractFormat = 'csv' | 'tsv' | 'xlsx' | 'parquet' | 'arrow';
export type TextEncoding = 'utf8' | 'utf8-bom' | 'gbk' | 'gb18030';

export type FormatDetection =
  | { ok: true; format: ExtractFormat; encoding: TextEncoding | 'binary'; delimiter?: ',' | '\t' }
  | { ok: false; problem: string };

const ARROW_MAGIC = Buffer.from('ARROW1');
const ARROW_CONTINUATION = Buffer.from([0xff, 0xff, 0xff, 0xff]);

/** Format from magic bytes first, extension second; text files get their encoding and delimiter. */
export function detectFormat(path: string, sniff: FileSniff): FormatDetection {
  const head = sniff.head;
  const ext = extname(path).toLowerCase();
  if (sniff.bytes === 0) return { ok: false, problem: 'empty file (0 bytes)' };
  if (head.subarray(0, 4).equals(Buffer.from('PAR1')))
    return { ok: true, format: 'parquet', encoding: 'binary' };
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (ext === '.xls' || ext === '.xlsx' || ext === '.xlsm' || ext === '') {
      return { ok: true, format: 'xlsx', encoding: 'binary' };
    }
    return { ok: false, problem: `zip archive that is not an .xlsx workbook (${ext})` };
  }
  if (head.subarray(0, 6).equals(ARROW_MAGIC)) return { ok: true, format: 'arrow', encoding: 'binary' };
  if (
    head.subarray(0, 4).equals(ARROW_CONTINUATION) &&
    ['.arrow', '.arrows', '.ipc', '.feather'].includes(ext)
  ) {
    return { ok: true, format: 'arrow', encoding: 'binary' };
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return { ok: false, problem: 'legacy Excel 97–2003 (.xls) workbook: save it as .xlsx or CSV' };
  }
  if (sniff.hasNul)
    return { ok: false, problem: 'binary content: not a CSV, TSV, XLSX, Parquet or Arrow file' };
  let encoding: TextEncoding;
  if (sniff.utf8) encoding = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf8-bom' : 'utf8';
  else if (sniff.gb18030) encoding = sniff.fourByteGb ? 'gb18030' : 'gbk';
  else return { ok: false, problem: 'unknown text encoding: neither UTF-8 nor GBK/GB18030' };
  const firstLine = head.toString('latin1').split('\n')[0];
  const delimiter = ext === '.tsv' || (firstLine.includes('\t') && !firstLine.includes(',')) ? '\t' : ',';
  return { ok: true, format: delimiter === '\t' ? 'tsv' : 'csv', encoding, delimiter };
}
