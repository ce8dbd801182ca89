import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitProblems,
  missingDisplays,
  type Notebook,
  notebookToScript,
  parseNotebook,
  relocateImports,
  serializeNotebook,
  stripOutputs,
} from '../../notebooks/scripts/notebookFile.ts';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';

const NOTEBOOK_DIR = join(REPO_ROOT, 'notebooks');
const committed = readdirSync(NOTEBOOK_DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

function executed(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' }, widgets: {} },
    cells: [
      { cell_type: 'markdown', id: 'm', metadata: {}, source: ['# t'] },
      {
        cell_type: 'code',
        id: 'c',
        metadata: {},
        source: ["import { show } from './lib/xiaowei.ts';\n", 'await show(x);'],
        execution_count: 3,
        outputs: [{ output_type: 'stream', name: 'stdout', text: ['hi'] }],
      },
    ],
  };
}

describe('notebook commit rules', () => {
  it('reports outputs, execution counts, widget state and a non-Deno kernel', () => {
    const nb = executed();
    expect(commitProblems(nb)).toEqual([
      'metadata.widgets holds widget state',
      'cell 2 has outputs',
      'cell 2 has execution_count 3',
    ]);
    (nb.metadata.kernelspec as { name: string }).name = 'python3';
    expect(commitProblems(nb)[0]).toBe('kernelspec is python3, expected deno');
  });

  it('strips outputs so the notebook passes', () => {
    const clean = stripOutputs(executed());
    expect(commitProblems(clean)).toEqual([]);
    expect(clean.cells[1]).toMatchObject({ outputs: [], execution_count: null });
  });

  it('removes the timings nbclient records and the kernel’s TypeScript version', () => {
    const nb = executed();
    nb.cells[1].metadata = { execution: { 'iopub.status.idle': '2026-11-25T13:47:11Z' }, tags: ['keep'] };
    nb.metadata.language_info = { name: 'typescript', version: '6.0.3' };
    expect(commitProblems(nb)).toContain('cell 2 has execution timings in its metadata');
    const clean = stripOutputs(nb);
    expect(clean.cells[1].metadata).toEqual({ tags: ['keep'] });
    expect(clean.metadata.language_info).toEqual({ name: 'typescript' });
    expect(commitProblems(clean)).toEqual([]);
  });

  it.each(committed)('%s is committed clean, with the Deno kernel, in Jupyter’s own JSON layout', (file) => {
    const text = readFileSync(join(NOTEBOOK_DIR, file), 'utf8');
    const nb = parseNotebook(text, file);
    expect(commitProblems(nb)).toEqual([]);
    // cleaning a clean notebook changes no byte, so `clean` never produces noise diffs
    expect(serializeNotebook(stripOutputs(nb))).toBe(text);
  });

  it('has the six notebooks the README describes', () => {
    expect(committed.map((f) => f.slice(0, 3))).toEqual(['01-', '02-', '03-', '04-', '05-', '06-']);
  });
});

describe('export for type checking', () => {
  it('rewrites relative imports so they resolve from the export directory', () => {
    const code =
      "import { a } from './lib/xiaowei.ts';\nimport type { B } from '../pipelines/x.ts';\nconst m = await import('./lib/y.ts');\nimport 'vega';";
    expect(relocateImports(code, 'notebooks', 'notebooks/.typecheck-1')).toBe(
      "import { a } from '../lib/xiaowei.ts';\nimport type { B } from '../../pipelines/x.ts';\nconst m = await import('../lib/y.ts');\nimport 'vega';",
    );
  });

  it('joins the code cells in order into one module and skips markdown', () => {
    const script = notebookToScript(executed(), 't.ipynb', 'notebooks', 'notebooks/out');
    expect(script.split('\n')).toEqual([
      '// Code cells of t.ipynb, exported for type checking. Generated; do not edit.',
      '// ---- cell 2 ----',
      "import { show } from '../lib/xiaowei.ts';",
      'await show(x);',
      'export {};',
      '',
    ]);
  });
});

describe('executed notebooks', () => {
  it('flags a cell that calls show() but produced no display output', () => {
    const nb = executed();
    expect(missingDisplays(nb)).toEqual([2]); // only a stream output
    nb.cells[1].outputs = [{ output_type: 'display_data', data: { 'text/plain': 'x' }, metadata: {} }];
    expect(missingDisplays(nb)).toEqual([]);
  });
});
