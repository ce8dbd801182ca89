import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { TopLevelSpec } from 'vega-lite';
import { collectingLogger, compileToVega } from '../../pipelines/charts/render.ts';

const require = createRequire(import.meta.url);
let validate: ReturnType<Ajv['compile']> | null = null;

/** What is wrong with a spec: its errors against the vega-lite package's JSON schema, and compile warnings. */
export function specProblems(spec: TopLevelSpec): { schema: ErrorObject[]; warnings: string[] } {
  if (!validate) {
    const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('color-hex', /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
    validate = ajv.compile(schema);
  }
  const schema = validate(spec) ? [] : (validate.errors ?? []).slice(0, 5);
  const logger = collectingLogger();
  compileToVega(spec, logger);
  return { schema, warnings: logger.messages.map(String) };
}
