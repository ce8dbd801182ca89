import { describe, expect, it } from 'vitest';
import { ingestProgressView } from '../../pipelines/cli/ingestProgress.ts';
import { stageFraction } from '../../pipelines/ingest/ingestFiles.ts';
import type { IngestProgress } from '../../pipelines/ingest/ingestTypes.ts';

const at = (p: Partial<IngestProgress>): IngestProgress => ({
  file: 'data/registry_2015-12-31.csv',
  index: 2,
  total: 28,
  stage: 'validating',
  fileFraction: 0.5,
  bytesBefore: 10,
  fileBytes: 20,
  bytesTotal: 100,
  rows: 1234,
  ...p,
});

describe('ingest progress', () => {
  it('weighs files by size overall and names the file, its stage and its own share', () => {
    // done = 10 bytes before + 0.5 × 20 bytes of this file = 20 of 100 → 20 %
    expect(ingestProgressView(at({}))).toEqual({
      label: 'ingest 3/28 validating registry_2015-12-31.csv 50%',
      fraction: 0.2,
      rows: 1234,
    });
  });

  it('counts files equally when their sizes are unknown, and escapes control characters in names', () => {
    const v = ingestProgressView(
      at({ bytesTotal: 0, fileBytes: 0, bytesBefore: 0, file: 'x/\x1b[31mred.csv' }),
    );
    expect(v.fraction).toBeCloseTo((2 + 0.5) / 28, 12);
    expect(v.label).toBe('ingest 3/28 validating \\x1b[31mred.csv 50%');
  });

  it('maps a stage and the running statement’s share to the share of the file done', () => {
    expect(stageFraction('hashing')).toBe(0);
    expect(stageFraction('validating', 0.5)).toBeCloseTo(0.425, 12); // 0.15 + 0.55 × 0.5
    expect(stageFraction('loading', 2)).toBe(1); // clamped
    expect(stageFraction('done')).toBe(1);
  });
});
