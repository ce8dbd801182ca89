import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/lib/benchArgs.ts';

describe('parseBenchArgs', () => {
  it('runs every stage at city scale by default', () => {
    expect(parseBenchArgs([])).toEqual({
      stages: ['startup', 'ingest', 'build', 'report', 'uncertainty', 'run', 'incremental', 'index'],
      scales: ['city'],
    });
  });
  it('keeps the fixed stage order and puts province last', () => {
    expect(parseBenchArgs(['build', 'ingest', '--scale', 'both'])).toEqual({
      stages: ['ingest', 'build'],
      scales: ['city', 'province'],
    });
  });
  it('rejects an unknown stage or scale', () => {
    expect(() => parseBenchArgs(['deploy'])).toThrow(/unknown argument deploy/);
    expect(() => parseBenchArgs(['--scale', 'country'])).toThrow(/--scale/);
  });
});
