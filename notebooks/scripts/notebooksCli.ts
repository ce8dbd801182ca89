// Notebook file checks, run by check.sh:
//   node --import tsx notebooks/scripts/notebooksCli.ts check-clean notebooks/*.ipynb
//   node --import tsx notebooks/scripts/notebooksCli.ts clean notebooks/*.ipynb      (strip outputs in place)
//   node --import tsx notebooks/scripts/notebooksCli.ts export <dir> notebooks/*.ipynb (code cells → <dir>/*.ts)
//   node --import tsx notebooks/scripts/notebooksCli.ts check-executed <executed .ipynb files>
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import process from 'node:process';
import {
  commitProblems,
  missingDisplays,
  notebookToScript,
  parseNotebook,
  serializeNotebook,
  stripOutputs,
} from './notebookFile.ts';

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'check-clean') {
    let bad = 0;
    for (const file of rest) {
      const problems = commitProblems(parseNotebook(readFileSync(file, 'utf8'), file));
      for (const p of problems) process.stderr.write(`${file}: ${p}\n`);
      if (problems.length > 0) bad += 1;
    }
    if (bad > 0) {
      process.stderr.write(
        `${bad} notebook(s) must be committed without outputs: run \`node --import tsx notebooks/scripts/notebooksCli.ts clean notebooks/*.ipynb\`\n`,
      );
      return 1;
    }
    process.stdout.write(`notebooks clean: ${rest.length} file(s) without outputs\n`);
    return 0;
  }
  if (command === 'clean') {
    for (const file of rest) {
      const text = readFileSync(file, 'utf8');
      const cleaned = serializeNotebook(stripOutputs(parseNotebook(text, file)));
      if (cleaned !== text) {
        writeAtomic(file, cleaned);
        process.stdout.write(`cleaned ${file}\n`);
      }
    }
    return 0;
  }
  if (command === 'check-executed') {
    let bad = 0;
    for (const file of rest) {
      const missing = missingDisplays(parseNotebook(readFileSync(file, 'utf8'), file));
      if (missing.length > 0) {
        bad += 1;
        process.stderr.write(`${file}: no output from show() in cell(s) ${missing.join(', ')}\n`);
      }
    }
    return bad > 0 ? 1 : 0;
  }
  if (command === 'export') {
    const [outDir, ...files] = rest;
    if (!outDir) throw new Error('export: missing output directory');
    mkdirSync(outDir, { recursive: true });
    const root = process.cwd();
    for (const file of files) {
      const nb = parseNotebook(readFileSync(file, 'utf8'), file);
      const fromDir = toPosix(relative(root, dirname(file))) || '.';
      const toDir = toPosix(relative(root, outDir)) || '.';
      const name = basename(file).replace(/\.ipynb$/, '');
      writeFileSync(join(outDir, `${name}.ts`), notebookToScript(nb, basename(file), fromDir, toDir));
    }
    return 0;
  }
  process.stderr.write(
    'usage: notebooksCli.ts check-clean|clean|check-executed <files…> | export <dir> <files…>\n',
  );
  return 2;
}

process.exitCode = main(process.argv.slice(2));
