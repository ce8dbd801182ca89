import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** 2020-01-01 00:00 in MS-DOS format: date = (year−1980)<<9 | month<<5 | day, time = 0. */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** Random access to a zip's bytes: a file on disk or a buffer in memory. */
interface ZipBytes {
  size: number;
  read(into: Buffer, position: number): void;
  write(from: Buffer, position: number): void;
}

/** Rewrites every entry's timestamp (central directory and local headers) to DOS_DATE / DOS_TIME. */
function pinEntries(zip: ZipBytes, label: string): void {
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
  stamp.writeUInt16LE(DOS_TIME, 0);
  stamp.writeUInt16LE(DOS_DATE, 2);
  const local = Buffer.alloc(4);
  for (let p = 0; p + 46 <= cdSize && cd.readUInt32LE(p) === CENTRAL; ) {
    cd.writeUInt16LE(DOS_TIME, p + 12);
    cd.writeUInt16LE(DOS_DATE, p + 14);
    const localOffset = cd.readUInt32LE(p + 42);
    zip.read(local, localOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new Error(`${label}: bad local header at ${localOffset}`);
    zip.write(stamp, localOffset + 10);
    p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  zip.write(cd, cdOffset);
}

/**
 * Sets every entry's timestamp in a zip (an .xlsx) to a fixed date, in place: exceljs's archiver
 * stamps some entries with the wall clock, which would make the workbook differ between runs.
 * Reads only the central directory and writes 4 bytes per header; the file is never loaded whole.
 */
export function pinZipTimestamps(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    pinEntries(
      {
        size: fstatSync(fd).size,
        read: (into, position) => readSync(fd, into, 0, into.length, position),
        write: (from, position) => writeSync(fd, from, 0, from.length, position),
      },
      path,
    );
  } finally {
    closeSync(fd);
  }
}

/** The same for a workbook held in memory (e.g. from exceljs's writeBuffer), before it is written atomically. */
export function pinZipTimestampsInBuffer(zip: Uint8Array): Uint8Array {
  const buf = Buffer.from(zip);
  pinEntries(
    {
      size: buf.length,
      read: (into, position) => buf.copy(into, 0, position, position + into.length),
      write: (from, position) => from.copy(buf, position),
    },
    'workbook',
  );
  return new Uint8Array(buf);
}
