import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { message } from '../../messages/catalogue.ts';
import { XlsxLimitError } from './xlsxLimits.ts';

/** One file inside a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const notZip = () => new XlsxLimitError(message('ingest.xlsx_not_zip'));

/** The entries of a zip archive, from its central directory (read from the end of the file, nothing inflated). */
export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLen = Math.min(size, 65_557); // EOCD (22 bytes) + the longest comment
    const tail = Buffer.alloc(tailLen);
    await handle.read(tail, 0, tailLen, size - tailLen);
    let at = -1;
    for (let i = tailLen - 22; i >= 0 && at < 0; i--) if (tail.readUInt32LE(i) === EOCD) at = i;
    if (at < 0) throw notZip();
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (dirOffset + dirSize > size) throw notZip();
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw notZip();
      const nameLen = dir.readUInt16LE(p + 28);
      entries.push({
        method: dir.readUInt16LE(p + 10),
        compressed: dir.readUInt32LE(p + 20),
        uncompressed: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLen),
      });
      p += 46 + nameLen + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/**
 * The text of one entry, streamed: inflated (counting bytes: more than the directory declared means a crafted
 * archive, and the read stops there), then decoded as UTF-8 across chunk boundaries — a multi-byte character
 * split between two chunks is decoded whole (exceljs' streaming reader garbles it, exceljs issue #2084).
 */
export async function* entryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const handle = await open(path, 'r');
  const local = Buffer.alloc(30);
  try {
    await handle.read(local, 0, 30, entry.localOffset);
  } finally {
    await handle.close();
  }
  if (local.readUInt32LE(0) !== 0x04034b50) throw notZip();
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressed === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressed - 1, highWaterMark: 1 << 16 });
  if (entry.method !== 0 && entry.method !== 8) throw notZip();
  const bytes = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let seen = 0;
  try {
    for await (const chunk of bytes) {
      seen += (chunk as Buffer).length;
      if (seen > entry.uncompressed) {
        throw new XlsxLimitError(message('ingest.xlsx_too_big', { entry: entry.name, bytes: seen }));
      }
      yield decoder.decode(chunk as Buffer, { stream: true });
    }
    yield decoder.decode();
  } finally {
    raw.destroy();
    if (bytes !== raw) bytes.destroy();
  }
}
