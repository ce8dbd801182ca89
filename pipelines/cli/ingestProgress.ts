import { ingestShareDone } from '../ingest/ingestShareDone.ts';
import type { IngestProgress } from '../ingest/ingestTypes.ts';
import { escapeControl } from '../messages/formatError.ts';
import { type CliIo, isInteractive } from './io.ts';

/** What the progress bar shows for ingest: the label, the overall share done, the rows read so far. */
export interface IngestProgressView {
  label: string;
  fraction: number;
  rows: number;
}

/**
 * Overall and per-file progress in one view: the share done weighs each file by its size (ingestShareDone);
 * the label names the file, its stage and how far that file is.
 * Example: file 3 of 28, bytes 10 of 100 of the other files done, 20 in it, half done → 20 %,
 * `ingest 3/28 validating registry_2015-12-31.csv 50%`.
 */
export function ingestProgressView(p: IngestProgress): IngestProgressView {
  const name = escapeControl(p.file.split('/').pop() ?? p.file);
  return {
    label: `ingest ${p.index + 1}/${p.total} ${p.stage} ${name} ${Math.floor(p.fileFraction * 100)}%`,
    fraction: ingestShareDone(p),
    rows: p.rows,
  };
}

/** A one-line `[3/28] validate registry_2017-12-31.csv` progress display on a terminal; nothing otherwise. */
export function ingestProgressLine(io: CliIo): ((p: IngestProgress) => void) | undefined {
  if (!isInteractive(io)) return undefined;
  return (p) => io.stderr.write(p.stage === 'done' ? '\r\x1b[K' : `\r\x1b[K${ingestProgressView(p).label}`);
}
