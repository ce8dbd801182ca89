import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_MARKER,
  keptAnalysis,
  type ResultsDoc,
  resultsMarkdown,
} from '../../bench/lib/resultsMarkdown.ts';

const doc = (analysis?: string): ResultsDoc => ({
  date: '2026-11-26',
  command: 'npm run bench -- build',
  machine: { cores: 2, totalMemBytes: 24 * 2 ** 30, loadAverage: [1, 1, 1], node: 'v20', cpuModel: 'test' },
  rows: [],
  goals: [],
  checks: [],
  notes: ['a note'],
  analysis,
});

const ANALYSIS =
  '## Why the build missed\n\nThe firm-year tables: 40 s of 120 s.\n\n| a | b |\n|---|---|\n| 1 | 2 |';

describe('the hand-written analysis of a results file', () => {
  it('is written below the marker, after everything the bench writes', () => {
    const text = resultsMarkdown(doc(ANALYSIS));
    const at = text.indexOf(ANALYSIS_MARKER);
    expect(at).toBeGreaterThan(text.indexOf('## Notes'));
    expect(text.slice(at)).toBe(`${ANALYSIS_MARKER}\n\n${ANALYSIS}\n`);
  });

  it('is what a later invocation keeps from the file: the same text, so rewriting twice changes nothing', () => {
    const first = resultsMarkdown(doc(ANALYSIS));
    expect(keptAnalysis(first)).toBe(ANALYSIS);
    expect(resultsMarkdown(doc(keptAnalysis(first)))).toBe(first);
  });

  it('is absent from a file without the marker or with nothing below it', () => {
    expect(resultsMarkdown(doc())).not.toContain(ANALYSIS_MARKER);
    expect(keptAnalysis(resultsMarkdown(doc()))).toBeUndefined();
    expect(keptAnalysis(`# Benchmark results\n\n${ANALYSIS_MARKER}\n\n  \n`)).toBeUndefined();
  });
});
