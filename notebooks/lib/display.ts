// Rich output for Deno's Jupyter kernel: an object with a [Symbol.for('Jupyter.display')]() method is shown
// as the MIME bundle that method returns. Outside the kernel (node, deno run, vitest) the same objects print
// their text/plain form, so a notebook also runs as a plain script.

import process from 'node:process';

export const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

export type MimeBundle = Record<string, unknown> & { 'text/plain': string };

export interface Displayable {
  [JUPYTER_DISPLAY](): MimeBundle | Promise<MimeBundle>;
  /** The MIME bundle, for tests and for `show()`. */
  bundle(): Promise<MimeBundle>;
  toString(): string;
}

export function displayable(text: string, bundle: () => MimeBundle | Promise<MimeBundle>): Displayable {
  return {
    [JUPYTER_DISPLAY]: bundle,
    bundle: async () => bundle(),
    toString: () => text,
  };
}

/** Markdown output, e.g. a sentence with computed numbers. */
export function md(text: string): Displayable {
  return displayable(text, () => ({ 'text/markdown': text, 'text/plain': text }));
}

interface JupyterGlobal {
  Deno?: { jupyter?: { display(obj: unknown, options?: { raw?: boolean }): Promise<void> } };
}

/**
 * Shows an output now (a cell shows only its last expression otherwise). In the kernel it goes through
 * Deno.jupyter.display; elsewhere it prints the text form.
 */
export async function show(...items: Displayable[]): Promise<void> {
  const jupyter = jupyterApi();
  for (const item of items) {
    if (jupyter) {
      await jupyter.display(await item.bundle(), { raw: true });
      // Deno 2.9's kernel can publish the cell's "idle" status before a display sent just before it (seen
      // after DuckDB queries); headless runners stop listening at idle and drop the output. Yielding one
      // timer tick lets the display go out first.
      await new Promise((resolve) => setTimeout(resolve, DISPLAY_FLUSH_MS));
    } else process.stdout.write(`${item.toString()}\n`);
  }
}

const DISPLAY_FLUSH_MS = 10;

/** Deno.jupyter inside the kernel; undefined under node, and under `deno run` (where its getter throws). */
function jupyterApi(): NonNullable<JupyterGlobal['Deno']>['jupyter'] {
  try {
    return (globalThis as JupyterGlobal).Deno?.jupyter;
  } catch {
    return undefined;
  }
}
