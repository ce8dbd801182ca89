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
  /** the whole file decodes as UTF-8 */
  utf8: boolean;
  /** the whole file decodes as GB18030 (GBK is a subset); only tested when it is not UTF-8 */
  gb18030: boolean;
  /** a GB18030 four-byte sequence occurs (so the file is GB18030 rather than plain GBK) */
  fourByteGb: boolean;
}

const HEAD_BYTES = 64 * 1024;

// GB18030 four-byte sequences are lead 0x81–0xFE, then 0x30–0x39; two-byte GBK never has a digit second byte.
function hasFourByteGb(buf: Buffer, prev: number): boolean {
  let lead = prev;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (lead >= 0x81 && lead <= 0xfe) {
      if (b >= 0x30 && b <= 0x39) return true;
      lead = -1; // a two-byte pair is complete
      continue;
    }
    lead = b;
  }
  return false;
}

/**
 * Hashes the file and checks its text encodings in one streaming pass (the file is never held whole).
 * The GB18030 check runs as a second pass only for files that are not UTF-8.
 */
export async function sniffFile(path: string): Promise<FileSniff> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const headParts: Buffer[] = [];
  let headLen = 0;
  let bytes = 0;
  let hasNul = false;
  let utf8Ok = true;
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
  const sniff: FileSniff = {
    sha256: hash.digest('hex'),
    bytes,
    head: Buffer.concat(headParts),
    hasNul,
    utf8: utf8Ok && !hasNul,
    gb18030: false,
    fourByteGb: false,
  };
  if (!sniff.utf8 && !hasNul) Object.assign(sniff, await checkGb18030(path));
  return sniff;
}

async function checkGb18030(path: string): Promise<{ gb18030: boolean; fourByteGb: boolean }> {
  const dec = new TextDecoder('gb18030', { fatal: true });
  let fourByte = false;
  let prev = -1;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      dec.decode(buf, { stream: true });
      if (!fourByte) fourByte = hasFourByteGb(buf, prev);
      prev = buf.length > 0 ? buf[buf.length - 1] : prev;
    }
    dec.decode();
    return { gb18030: true, fourByteGb: fourByte };
  } catch {
    return { gb18030: false, fourByteGb: false };
  }
}
