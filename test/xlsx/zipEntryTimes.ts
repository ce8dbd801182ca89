/** The MS-DOS [date, time] of every entry of a zip, from its central directory (read independently of the writer). */
export function zipEntryTimes(zip: Uint8Array): [number, number][] {
  const buf = Buffer.from(zip);
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  const times: [number, number][] = [];
  for (let i = 0, p = buf.readUInt32LE(eocd + 16); i < count; i++) {
    times.push([buf.readUInt16LE(p + 14), buf.readUInt16LE(p + 12)]);
    const local = buf.readUInt32LE(p + 42);
    // The local header must carry the same time as the central directory.
    if (
      buf.readUInt16LE(local + 12) !== buf.readUInt16LE(p + 14) ||
      buf.readUInt16LE(local + 10) !== buf.readUInt16LE(p + 12)
    )
      throw new Error(`entry ${i}: local header time differs from the central directory`);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return times;
}
