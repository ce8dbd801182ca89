import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

/**
 * Streams a GBK/GB18030 file into a UTF-8 file, chunk by chunk (DuckDB's read_csv cannot read GBK here;
 * GB18030 is a superset of GBK, so one decoder serves both). sniffFile has already checked that every byte
 * sequence is valid GB18030, so the decoder never has to substitute a character.
 */
export async function transcodeToUtf8(src: string, dest: string): Promise<void> {
  await pipeline(
    createReadStream(src, { highWaterMark: 1 << 20 }),
    iconv.decodeStream('gb18030'),
    createWriteStream(dest, { encoding: 'utf8' }),
  );
}
