// Reading, cleaning and exporting .ipynb files (nbformat 4), for the notebook checks. Pure functions;
// notebooksCli.ts does the file I/O.
import { posix } from 'node:path';

export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  metadata: Record<string, unknown>;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

export const KERNEL_NAME = 'deno';

export function parseNotebook(text: string, file: string): Notebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not JSON: ${(err as Error).message}`);
  }
  const nb = json as Partial<Notebook>;
  if (!nb || typeof nb !== 'object' || !Array.isArray(nb.cells) || nb.nbformat !== 4) {
    throw new Error(`${file}: not an nbformat 4 notebook`);
  }
  return nb as Notebook;
}

export function cellSource(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

/** Why a notebook may not be committed as is: outputs, execution counts or timings, or a kernel other than Deno. */
export function commitProblems(nb: Notebook): string[] {
  const problems: string[] = [];
  const kernel = (nb.metadata.kernelspec as { name?: string } | undefined)?.name;
  if (kernel !== KERNEL_NAME) problems.push(`kernelspec is ${kernel ?? 'missing'}, expected ${KERNEL_NAME}`);
  if ('widgets' in nb.metadata) problems.push('metadata.widgets holds widget state');
  nb.cells.forEach((cell, i) => {
    if ('execution' in cell.metadata) problems.push(`cell ${i + 1} has execution timings in its metadata`);
    if (cell.cell_type !== 'code') return;
    if ((cell.outputs ?? []).length > 0) problems.push(`cell ${i + 1} has outputs`);
    if (cell.execution_count != null)
      problems.push(`cell ${i + 1} has execution_count ${cell.execution_count}`);
  });
  return problems;
}

/** The notebook without outputs, execution counts and timings (what is committed). */
export function stripOutputs(nb: Notebook): Notebook {
  const metadata = { ...nb.metadata };
  delete metadata.widgets;
  // The kernel stamps its TypeScript version here; it changes with every Deno update, so it is not kept.
  if (metadata.language_info && typeof metadata.language_info === 'object') {
    const { version: _version, ...languageInfo } = metadata.language_info as Record<string, unknown>;
    metadata.language_info = languageInfo;
  }
  return {
    ...nb,
    metadata,
    cells: nb.cells.map((c) => {
      // nbclient records per-cell timings in metadata.execution: noise in a diff, like outputs.
      const { execution: _timings, ...cellMetadata } = c.metadata;
      const cleaned = { ...c, metadata: cellMetadata };
      return c.cell_type === 'code' ? { ...cleaned, outputs: [], execution_count: null } : cleaned;
    }),
  };
}

/** JSON as Jupyter writes it (keys sorted, one-space indent, trailing newline), so cleaning is diff-neutral. */
export function serializeNotebook(nb: Notebook): string {
  return `${JSON.stringify(sortKeys(nb), null, 1)}\n`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

const RELATIVE_SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;

/**
 * Rewrites relative import specifiers written for `fromDir` so they resolve the same from `toDir`
 * (both POSIX paths relative to the same root).
 */
export function relocateImports(code: string, fromDir: string, toDir: string): string {
  return code.replace(RELATIVE_SPECIFIER, (_m, lead: string, quote: string, spec: string) => {
    const target = posix.join(fromDir, spec);
    let rel = posix.relative(toDir, target);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${lead}${quote}${rel}${quote}`;
  });
}

/**
 * The notebook's code cells as one TypeScript module, for `deno check`: cells run in order in one scope in
 * the kernel, which is what a module is, so a notebook that type-checks this way also runs as a script.
 */
export function notebookToScript(nb: Notebook, name: string, fromDir: string, toDir: string): string {
  const parts = [`// Code cells of ${name}, exported for type checking. Generated; do not edit.`];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    parts.push(`// ---- cell ${i + 1} ----`, relocateImports(cellSource(cell), fromDir, toDir));
  });
  parts.push('export {};', '');
  return parts.join('\n');
}

/**
 * Cells of an executed notebook that call `show(` but produced no display output. Deno's kernel sometimes
 * sends a cell's last-expression result after its "idle" status, which nbconvert never sees; `await show()`
 * displays inside the cell, so a missing output here means the display itself failed.
 */
export function missingDisplays(nb: Notebook): number[] {
  const missing: number[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code' || !/\bshow\(/.test(cellSource(cell))) return;
    const shown = (cell.outputs ?? []).some(
      (o) => (o as { output_type?: string }).output_type === 'display_data',
    );
    if (!shown) missing.push(i + 1);
  });
  return missing;
}
