import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { dosDateTime } from '../xlsx/dosDateTime.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Random access to a zip file's bytes. */
interface ZipBytes {
  size: number;
  read(into: Buffer, position: number): void;
  write(from: Buffer, position: number): void;
}

/** Rewrites every entry's timestamp (central directory and local headers) to `at`. */
function pinEntries(zip: ZipBytes, at: Date, label: string): void {
  const dos = dosDateTime(at);
  const tailLen = Math.min(zip.size, 65_557);
  const tail = Buffer.alloc(tailLen);
  zip.read(tail, zip.size - tailLen);
  let e = tailLen - 22;
  while (e >= 0 && tail.readUInt32LE(e) !== EOCD) e--;
  if (e < 0) throw new Error(`${label}: not a zip file (no end of central directory)`);
  const cdSize = tail.readUInt32LE(e + 12);
  const cdOffset = tail.readUInt32LE(e + 16);
  if (cdOffset === 0xffffffff) throw new Error(`${label}: zip64 workbooks are not supported here`);
  const cd = Buffer.alloc(cdSize);
  zip.read(cd, cdOffset);
  const stamp = Buffer.alloc(4);
  stamp.writeUInt16LE(dos.time, 0);
  stamp.writeUInt16LE(dos.date, 2);
  const local = Buffer.alloc(4);
  for (let p = 0; p + 46 <= cdSize && cd.readUInt32LE(p) === CENTRAL; ) {
    cd.writeUInt16LE(dos.time, p + 12);
    cd.writeUInt16LE(dos.date, p + 14);
    const localOffset = cd.readUInt32LE(p + 42);
    zip.read(local, localOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new Error(`${label}: bad local header at ${localOffset}`);
    zip.write(stamp, localOffset + 10);
    p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  zip.write(cd, cdOffset);
}

/**
 * Sets every entry's timestamp in a zip (an .xlsx) to `at`, in place: exceljs's archiver stamps entries with the
 * wall clock, which would make the workbook differ between runs; `at` comes from the caller's inputs.
 * Reads only the central directory and writes 4 bytes per header; the file is never loaded whole.
 */
export function pinZipTimestamps(path: string, at: Date): void {
  const fd = openSync(path, 'r+');
  try {
    pinEntries(
      {
        size: fstatSync(fd).size,
        read: (into, position) => readSync(fd, into, 0, into.length, position),
        write: (from, position) => writeSync(fd, from, 0, from.length, position),
      },
      at,
      path,
    );
  } finally {
    closeSync(fd);
  }
}
