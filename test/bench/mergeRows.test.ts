import { describe, expect, it } from 'vitest';
import { mergeRows, type SavedRow } from '../../bench/lib/mergeRows.ts';

const row = (stage: string, scale: string, measuredAt?: string): SavedRow => ({
  stage,
  scale,
  subject: null,
  baseline: null,
  ratioKind: 'none',
  measuredAt,
});

describe('mergeRows', () => {
  it('replaces an earlier row of the same stage and scale and keeps the others, labelled', () => {
    const previous = [row('ingest', 'city', 'T1'), row('ingest', 'province', 'T1')];
    const current = [row('ingest', 'city', 'T2'), row('build', 'city', 'T2')];
    expect(mergeRows(previous, current).map((r) => `${r.stage}/${r.scale}/${r.measuredAt}`)).toEqual([
      'ingest/city/T2',
      'build/city/T2',
      'ingest/province/T1',
    ]);
  });
});
