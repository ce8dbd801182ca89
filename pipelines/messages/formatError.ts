import { UserError } from './catalogue.ts';

/**
 * The one formatter of errors for a terminal or a log line. Control characters (a file name may carry
 * terminal escape sequences) are shown escaped, never sent raw to the console.
 */
export function formatError(err: unknown, options: { debug?: boolean } = {}): string {
  const text = err instanceof Error ? err.message : String(err);
  const stack = options.debug && err instanceof Error && !(err instanceof UserError) ? err.stack : undefined;
  return [escapeControl(text), stack ? escapeControl(stack) : undefined].filter(Boolean).join('\n');
}

/** Replaces C0/C1 control characters except newline and tab by a visible \xNN / \u{…} escape. */
export function escapeControl(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
