#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx xiaowei` works right after `npm install`, no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipelines/cli/main.ts');
process.exitCode = await main(process.argv);
