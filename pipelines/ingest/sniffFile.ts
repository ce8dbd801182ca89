import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** What one streaming pass over a file tells us before anything is parsed. */
export interface FileSniff {
  sha256: string;
  bytes: number;
  /** first bytes of the file (up to 64 KiB) for magic numbers and the header line */
  head: Buffer;
  /** a NUL byte occurs somewhere (text extracts never contain one) */
  hasNul: boolean;
  /** the whole file decodes as UTF-8 (else it is decoded line by line: transcodeByLine.ts) */
  utf8: boolean;
  /** line ends: a LF occurs; a CR occurs (CR without any LF: a CR-only file, Excel for Mac) */
  hasLf: boolean;
  hasCr: boolean;
}

const HEAD_BYTES = 64 * 1024;

/** Hashes the file and checks UTF-8 validity and line ends in one streaming pass (never holding it whole). */
export async function sniffFile(path: string): Promise<FileSniff> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const headParts: Buffer[] = [];
  let headLen = 0;
  let bytes = 0;
  let hasNul = false;
  let utf8Ok = true;
  let hasLf = false;
  let hasCr = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    hash.update(buf);
    bytes += buf.length;
    if (headLen < HEAD_BYTES) {
      const part = buf.subarray(0, HEAD_BYTES - headLen);
      headParts.push(part);
      headLen += part.length;
    }
    if (!hasNul && buf.indexOf(0) !== -1) hasNul = true;
    if (!hasLf && buf.indexOf(0x0a) !== -1) hasLf = true;
    if (!hasCr && buf.indexOf(0x0d) !== -1) hasCr = true;
    if (utf8Ok && !hasNul) {
      try {
        utf8.decode(buf, { stream: true });
      } catch {
        utf8Ok = false;
      }
    }
  }
  if (utf8Ok && !hasNul) {
    try {
      utf8.decode();
    } catch {
      utf8Ok = false;
    }
  }
  return {
    sha256: hash.digest('hex'),
    bytes,
    head: Buffer.concat(headParts),
    hasNul,
    utf8: utf8Ok && !hasNul,
    hasLf,
    hasCr,
  };
}
