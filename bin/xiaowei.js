#!/usr/bin/env node
// @ts-check
// Runs the CLI compiled at install (`npm install` runs scripts/compile-cli.mjs) when it is up to date with
// the TypeScript sources, else the sources themselves through tsx, so an edited source is never run stale.
// XIAOWEI_TSX=1 forces the sources (stack traces then name .ts files and lines).
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshCompiledEntry } from './compiledCli.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const compiled = process.env.XIAOWEI_TSX ? undefined : freshCompiledEntry(root);
let main;
if (compiled) ({ main } = await import(pathToFileURL(compiled).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../pipelines/cli/main.ts'));
}
process.exitCode = await main(process.argv);
