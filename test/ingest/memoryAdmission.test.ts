import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileHead,
  MEMORY_PER_BYTE,
  memoryAdmission,
  memoryWeight,
} from '../../pipelines/ingest/memoryAdmission.ts';

/** Enters `weight` and records when it started, by name. */
function starter(started: string[]) {
  return (admission: ReturnType<typeof memoryAdmission>, name: string, weight: number) =>
    admission.enter(weight).then(() => {
      started.push(name);
    });
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('memory admission of files ingested at once', () => {
  it('weighs a text file by its size and sends a workbook, Parquet or Arrow file alone, by its first bytes', () => {
    const text = Buffer.from('统一社会信用代码,企业名称');
    expect(memoryWeight(100, text)).toBe(100 * MEMORY_PER_BYTE);
    expect(memoryWeight(10, Buffer.alloc(0))).toBe(10 * MEMORY_PER_BYTE);
    for (const magic of ['PAR1', 'PK\x03\x04', 'ARROW1']) {
      expect(memoryWeight(10, Buffer.from(`${magic}rest`, 'latin1'))).toBe(Number.POSITIVE_INFINITY);
    }
    // a Parquet file named .csv is still Parquet
    const dir = mkdtempSync(join(tmpdir(), 'xw-head-'));
    try {
      const parquet = join(dir, 'registry_2019-12-31.csv');
      writeFileSync(parquet, Buffer.from('PAR1\x15\x04', 'latin1'));
      expect(memoryWeight(6, fileHead(parquet))).toBe(Number.POSITIVE_INFINITY);
      expect(fileHead(join(dir, 'missing.csv'))).toEqual(Buffer.alloc(0));
      // a link is not followed (ingest refuses it), a folder or a FIFO is not read (a FIFO would wait for a writer)
      symlinkSync(parquet, join(dir, 'link.csv'));
      expect(fileHead(join(dir, 'link.csv'))).toEqual(Buffer.alloc(0));
      expect(fileHead(dir)).toEqual(Buffer.alloc(0));
      execFileSync('mkfifo', [join(dir, 'fifo.csv')]);
      expect(fileHead(join(dir, 'fifo.csv'))).toEqual(Buffer.alloc(0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts files together while they fit, holds one that does not until the others leave', async () => {
    const started: string[] = [];
    const start = starter(started);
    const a = memoryAdmission(100);
    const first = start(a, 'first', 60);
    const second = start(a, 'second', 50); // 60 + 50 > 100: waits
    await first;
    await settle();
    expect(started).toEqual(['first']);
    a.leave(60);
    await second;
    expect(started).toEqual(['first', 'second']);
    // 50 + 50 fits exactly
    await start(a, 'third', 50);
    expect(started).toEqual(['first', 'second', 'third']);
  });

  it.each([
    ['a file larger than the budget starts alone, and nothing beside it', 100, 500],
    ['every file goes alone when the limit is unknown (budget 0)', 0, 1],
  ])('%s', async (_title, budget, first) => {
    const started: string[] = [];
    const start = starter(started);
    const a = memoryAdmission(budget);
    await start(a, 'first', first);
    const second = start(a, 'second', 1);
    await settle();
    expect(started).toEqual(['first']);
    a.leave(first);
    await second;
    expect(started).toEqual(['first', 'second']);
  });

  it('keeps a workbook alone both ways, and counts nothing in flight once it leaves', async () => {
    const started: string[] = [];
    const start = starter(started);
    const a = memoryAdmission(100);
    await start(a, 'csv', 10);
    const book = start(a, 'xlsx', Number.POSITIVE_INFINITY);
    const after = start(a, 'csv2', 10); // behind the workbook: starts in order, not before it
    await settle();
    expect(started).toEqual(['csv']);
    a.leave(10);
    await book;
    await settle();
    expect(started).toEqual(['csv', 'xlsx']);
    a.leave(Number.POSITIVE_INFINITY);
    await after;
    await start(a, 'csv3', 90); // 10 + 90 fits: the workbook left nothing behind
    expect(started).toEqual(['csv', 'xlsx', 'csv2', 'csv3']);
  });
});
