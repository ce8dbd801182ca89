import type { IngestProgress } from '../ingest/ingestTypes.ts';
import { escapeControl } from '../messages/formatError.ts';
import { type CliIo, isInteractive } from './io.ts';

/** A one-line `[3/28] validate registry_2017-12-31.csv` progress display on a terminal; nothing otherwise. */
export function ingestProgressLine(io: CliIo): ((p: IngestProgress) => void) | undefined {
  if (!isInteractive(io)) return undefined;
  return (p) =>
    io.stderr.write(
      p.stage === 'done'
        ? '\r\x1b[K'
        : `\r\x1b[K[${p.index + 1}/${p.total}] ${p.stage} ${escapeControl(p.file)}`,
    );
}
