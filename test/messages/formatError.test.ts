import { describe, expect, it } from 'vitest';
import { UserError } from '../../pipelines/messages/catalogue.ts';
import { escapeControl, formatError } from '../../pipelines/messages/formatError.ts';

describe('formatError', () => {
  it('shows terminal escape sequences in a file name escaped, never raw', () => {
    const err = new Error('cannot read evil\u001b[2J\u001b]0;pwned\u0007.csv');
    expect(formatError(err)).toBe('cannot read evil\\x1b[2J\\x1b]0;pwned\\x07.csv');
  });

  it('keeps newlines, tabs and Chinese text as they are', () => {
    expect(escapeControl('第 3 行\t金额\n下一行')).toBe('第 3 行\t金额\n下一行');
  });

  it('prints a catalogue message without a stack, even in debug mode', () => {
    const err = new UserError('db.not_duckdb', { path: 'x.csv', what: 'a CSV file' });
    expect(formatError(err, { debug: true })).toBe(
      'x.csv is not a DuckDB warehouse (a CSV file); pass --db a .duckdb file or a new path',
    );
  });

  it('adds the stack of an unexpected error in debug mode', () => {
    const out = formatError(new Error('boom'), { debug: true });
    expect(out.split('\n')[0]).toBe('boom');
    expect(out).toMatch(/formatError\.test\.ts/);
  });
});
