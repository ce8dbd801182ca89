import { isAscii, isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { forEachLine } from './forEachLine.ts';

/** A physical line refused before it is parsed (it cannot be decoded); it is quarantined under `reason`. */
export interface LineFault {
  line: number;
  reason: 'encoding_invalid';
  /** what the bytes are: GBK in a UTF-8 file, UTF-8 in a GBK file, or neither */
  found: LineClass;
  detail: string;
  /** the line as well as it can be shown: decoded leniently, bad bytes as U+FFFD */
  raw: string;
}

export type LineClass = 'ascii' | 'utf8' | 'gb' | 'bad';

export interface TranscodeOutcome {
  encoding: 'utf8' | 'utf8-bom' | 'gbk' | 'gb18030';
  faults: LineFault[];
  /** non-blank lines and how many of them decode in neither encoding */
  nonBlank: number;
  undecodable: number;
}

const gbFatal = new TextDecoder('gb18030', { fatal: true });
const gbLenient = new TextDecoder('gb18030');
const utf8Lenient = new TextDecoder('utf-8');

/** What one line's bytes are: plain ASCII, non-ASCII UTF-8, GB18030 that is not UTF-8, or neither. */
export function classifyLine(buf: Buffer): LineClass {
  if (isAscii(buf)) return 'ascii';
  if (isUtf8(buf)) return 'utf8';
  try {
    gbFatal.decode(buf);
    return 'gb';
  } catch {
    return 'bad';
  }
}

// GB18030 four-byte sequences are lead 0x81–0xFE, then 0x30–0x39; two-byte GBK never has a digit second byte.
function hasFourByteGb(buf: Buffer): boolean {
  for (let i = 0; i + 1 < buf.length; i++) {
    const b = buf[i];
    if (b >= 0x81 && b <= 0xfe) {
      if (buf[i + 1] >= 0x30 && buf[i + 1] <= 0x39) return true;
      i++; // a two-byte pair is complete
    }
  }
  return false;
}

/**
 * The file's encoding from its lines' classes: UTF-8 unless more lines decode only as GBK than as UTF-8
 * (ASCII lines are both and do not count).
 */
export function chooseEncoding(counts: Record<LineClass, number>): 'utf8' | 'gb' {
  return counts.gb > counts.utf8 ? 'gb' : 'utf8';
}

/**
 * Decodes a text file that is not valid UTF-8 line by line into a UTF-8 file with the same physical lines
 * (LF ends). The file's encoding is the one most of its non-ASCII lines decode in; a line that does not
 * decode in it (a GBK row in a UTF-8 file, a UTF-8 row in a GBK file, an invalid byte sequence) becomes a
 * blank line in the output and a LineFault, so it is quarantined with its line number and never loads as
 * mojibake. Two streaming passes; nothing holds the whole file.
 */
export async function transcodeByLine(
  src: string,
  dest: string,
  newline: 0x0a | 0x0d,
): Promise<TranscodeOutcome> {
  const counts: Record<LineClass, number> = { ascii: 0, utf8: 0, gb: 0, bad: 0 };
  let nonBlank = 0;
  let fourByte = false;
  let bom = false;
  await forEachLine(src, newline, (buf, lineNo) => {
    if (lineNo === 1) bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    if (buf.length === 0) return;
    nonBlank++;
    const c = classifyLine(buf);
    counts[c]++;
    if (c === 'gb' && !fourByte) fourByte = hasFourByteGb(buf);
  });
  const mode = chooseEncoding(counts);
  const faults: LineFault[] = [];
  const out = createWriteStream(dest);
  const NL = Buffer.from('\n');
  let parts: Buffer[] = [];
  const flush = async () => {
    if (parts.length > 0 && !out.write(Buffer.concat(parts))) await once(out, 'drain');
    parts = [];
  };
  try {
    await forEachLine(
      src,
      newline,
      (buf, lineNo) => {
        const c = buf.length === 0 ? 'ascii' : classifyLine(buf);
        if (c === 'ascii' || (c === 'utf8' && mode === 'utf8')) parts.push(buf, NL);
        else if (c === 'gb' && mode === 'gb') parts.push(Buffer.from(gbFatal.decode(buf)), NL);
        else {
          faults.push(faultFor(c, mode, buf, lineNo));
          parts.push(NL);
        }
      },
      flush,
    );
  } finally {
    out.end();
    await once(out, 'close');
  }
  return {
    encoding: mode === 'gb' ? (fourByte ? 'gb18030' : 'gbk') : bom ? 'utf8-bom' : 'utf8',
    faults,
    nonBlank,
    undecodable: counts.bad,
  };
}

function faultFor(c: LineClass, mode: 'utf8' | 'gb', buf: Buffer, line: number): LineFault {
  if (c === 'gb') {
    return {
      line,
      reason: 'encoding_invalid',
      found: c,
      detail: 'not valid UTF-8 in a UTF-8 file; the line decodes as GBK (mixed encodings)',
      raw: gbLenient.decode(buf),
    };
  }
  if (c === 'utf8') {
    return {
      line,
      reason: 'encoding_invalid',
      found: c,
      detail: `valid UTF-8 in a ${mode === 'gb' ? 'GBK' : 'UTF-8'} file (mixed encodings): cannot tell which it is`,
      raw: utf8Lenient.decode(buf),
    };
  }
  return {
    line,
    reason: 'encoding_invalid',
    found: c,
    detail: 'invalid byte sequence: neither UTF-8 nor GBK/GB18030',
    raw: utf8Lenient.decode(buf),
  };
}
