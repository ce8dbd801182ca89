import { isUtf8 } from 'node:buffer';
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

/**
 * How many bytes at the end of `buf` start a UTF-8 character that the buffer cuts off (0–3): they are checked
 * with the next chunk, so a character split between two chunks is not taken for an invalid one.
 */
export function incompleteUtf8Tail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Hashes the file and checks UTF-8 validity and line ends in one streaming pass (never holding it whole). */
export async function sniffFile(path: string): Promise<FileSniff> {
  const hash = createHash('sha256');
  let carry: Buffer = Buffer.alloc(0);
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
      const whole = carry.length > 0 ? Buffer.concat([carry, buf]) : buf;
      const cut = incompleteUtf8Tail(whole);
      utf8Ok = isUtf8(whole.subarray(0, whole.length - cut));
      carry = Buffer.from(whole.subarray(whole.length - cut));
    }
  }
  if (carry.length > 0) utf8Ok = false; // the file ends inside a character
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
