import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';

/**
 * DuckDB memory one text extract may hold at once, per byte of the file: staging keeps read_text's value and its
 * lines together (a 554 MB registry asked for 1.0 GiB more while its 554 MB were held: about 2.8×), and
 * validating the file before it held about twice its size. Two province registries at once (504 and 554 MB) ran
 * out of a 2 GiB limit. 4 leaves room for a GBK file, whose UTF-8 text is up to 1.5× its size.
 */
export const MEMORY_PER_BYTE = 4;

// A workbook, Parquet or Arrow file becomes text or rows many times its size, so it is ingested alone. It is
// told by its first bytes, as detectFormat.ts tells it (a Parquet file named .csv is still Parquet).
const BINARY_MAGIC = [
  Buffer.from('PAR1'),
  Buffer.from([0x50, 0x4b, 0x03, 0x04]), // zip: XLSX
  Buffer.from('ARROW1'),
  Buffer.from([0xff, 0xff, 0xff, 0xff]), // Arrow IPC stream
];

/**
 * The first bytes of a regular file, enough for memoryWeight; empty for anything else or a file that cannot be
 * read (ingest refuses those itself). Never follows a symbolic link, and never waits on a FIFO.
 */
export function fileHead(path: string): Buffer {
  const head = Buffer.alloc(8);
  try {
    if (!lstatSync(path).isFile()) return Buffer.alloc(0);
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      return head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return Buffer.alloc(0);
  }
}

/** The memory a file is expected to need while it is ingested (Infinity: it goes alone). */
export function memoryWeight(bytes: number, head: Buffer): number {
  return BINARY_MAGIC.some((m) => head.subarray(0, m.length).equals(m))
    ? Number.POSITIVE_INFINITY
    : bytes * MEMORY_PER_BYTE;
}

export interface MemoryAdmission {
  /** Resolves when the file may start: when it fits beside the files in flight, or when it would be alone. */
  enter(weight: number): Promise<void>;
  leave(weight: number): void;
}

/**
 * Lets files start together only while their expected memory fits `budget` (DuckDB's memory limit); a file
 * that does not fit waits for the files in flight to finish, and one alone always starts. Waiters start in
 * the order they came (ingest takes files in path order).
 * Example: budget 100; weights 60 then 50: the second waits until the first leaves.
 */
export function memoryAdmission(budget: number): MemoryAdmission {
  let inFlight = 0;
  let files = 0;
  const waiting: Array<{ weight: number; start: () => void }> = [];
  const fits = (weight: number) => files === 0 || inFlight + weight <= budget;
  const wake = () => {
    while (waiting.length > 0 && fits(waiting[0].weight)) {
      const next = waiting.shift();
      if (!next) break;
      inFlight += next.weight;
      files++;
      next.start();
    }
  };
  return {
    enter(weight) {
      if (waiting.length === 0 && fits(weight)) {
        inFlight += weight;
        files++;
        return Promise.resolve();
      }
      return new Promise<void>((start) => waiting.push({ weight, start }));
    },
    leave(weight) {
      inFlight -= weight;
      files--;
      if (files === 0) inFlight = 0; // Infinity − Infinity is NaN: nothing in flight is nothing
      wake();
    },
  };
}
