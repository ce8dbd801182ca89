import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { cellText, csvLine } from './csvLine.ts';

/**
 * Streams an Arrow IPC file or stream, batch by batch, into a UTF-8 CSV (header = field names, so data row i
 * is physical line i + 1, as in a CSV export of the same table).
 */
export async function arrowToCsv(src: string, dest: string): Promise<void> {
  const out = createWriteStream(dest);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  try {
    // Loaded on use: only Arrow inputs need it.
    const { DataType, RecordBatchReader } = await import('apache-arrow');
    const reader = await RecordBatchReader.from(createReadStream(src));
    await reader.open();
    let headerDone = false;
    for await (const batch of reader) {
      const names = batch.schema.fields.map((f) => f.name);
      if (!headerDone) {
        await write(`${csvLine(names)}\n`);
        headerDone = true;
      }
      const columns = names.map((_, i) => batch.getChildAt(i));
      const isTime = batch.schema.fields.map((f) => DataType.isDate(f.type) || DataType.isTimestamp(f.type));
      for (let r = 0; r < batch.numRows; r++) {
        await write(`${csvLine(columns.map((c, i) => arrowCellText(c?.get(r), isTime[i])))}\n`);
      }
    }
    if (!headerDone) await write(`${csvLine(reader.schema.fields.map((f) => f.name))}\n`);
  } finally {
    out.end();
    await once(out, 'close');
  }
}

// Arrow date/timestamp columns come back as epoch milliseconds; BigInt64 as bigint.
function arrowCellText(v: unknown, isTime: boolean): string {
  if (isTime && (typeof v === 'number' || typeof v === 'bigint')) return cellText(new Date(Number(v)));
  if (typeof v === 'bigint') return v.toString();
  return cellText(v);
}
