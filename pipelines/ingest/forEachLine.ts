import { createReadStream } from 'node:fs';

/**
 * Calls `fn` with every physical line of a file as bytes (the line end removed; for LF files a CR before it
 * too), numbered from 1, streaming chunk by chunk (`afterChunk` runs between chunks, e.g. to
 * wait for a writer to drain). `newline` is 0x0A, or 0x0D for CR-only files (Excel for
 * Mac). GBK and GB18030 never use these bytes inside a character, so splitting before decoding is safe.
 */
export async function forEachLine(
  path: string,
  newline: 0x0a | 0x0d,
  fn: (line: Buffer, lineNo: number) => void,
  afterChunk?: () => Promise<void>,
): Promise<number> {
  let carry: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  const emit = (buf: Buffer) => {
    lineNo++;
    fn(newline === 0x0a && buf[buf.length - 1] === 0x0d ? buf.subarray(0, buf.length - 1) : buf, lineNo);
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let end = buf.indexOf(newline, start); end !== -1; end = buf.indexOf(newline, start)) {
      emit(buf.subarray(start, end));
      start = end + 1;
    }
    carry = Buffer.from(buf.subarray(start));
    await afterChunk?.();
  }
  if (carry.length > 0) emit(carry);
  await afterChunk?.();
  return lineNo;
}
