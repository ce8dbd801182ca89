import { relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { message } from '../messages/catalogue.ts';
import { loadMethodology, MethodologyError, methodologyPath } from '../methodology/loadMethodology.ts';
import type { IndexName, Methodology } from '../methodology/schema.ts';
import { indexInputVariables } from './indexInputVariables.ts';
import type { Model } from './modelFile.ts';

const INDEX_NAMES: IndexName[] = ['growth', 'vitality'];

/**
 * Loads and validates every methodology version a build will compute, before the build touches anything: the
 * schema (weights, codes, duplicates …), one file per version, and every indicator's `variable` among the
 * inputs the models compute. Throws MethodologyError listing every problem as `file: dotted.path: message`.
 */
export async function validateMethodologies(
  con: DuckDBConnection,
  versionsOrPaths: string[],
  models: Model[],
): Promise<Methodology[]> {
  const problems: string[] = [];
  const loaded: { m: Methodology; file: string }[] = [];
  for (const v of versionsOrPaths) {
    const path = methodologyPath(v);
    try {
      loaded.push({ m: loadMethodology(v), file: relative(process.cwd(), path) || path });
    } catch (err) {
      if (!(err instanceof MethodologyError)) throw err;
      problems.push(err.message);
    }
  }
  const known = await indexInputVariables(con, models);
  const versions = new Map<string, string>();
  for (const { m, file } of loaded) {
    const other = versions.get(m.version);
    if (other) problems.push(message('methodology.duplicate_version', { file, version: m.version, other }));
    versions.set(m.version, file);
    for (const name of INDEX_NAMES) {
      m.indices[name].modules.forEach((mod, i) => {
        mod.indicators.forEach((ind, j) => {
          if (known.has(ind.variable)) return;
          problems.push(
            message('methodology.unknown_variable', {
              file,
              path: `indices.${name}.modules.${i}.indicators.${j}.variable`,
              variable: ind.variable,
              known: [...known].sort().join(', '),
            }),
          );
        });
      });
    }
    for (const list of ['region_level_only', 'constant_within_industry'] as const) {
      m.industry_slices[list].forEach((variable, i) => {
        if (known.has(variable)) return;
        problems.push(
          message('methodology.unknown_variable', {
            file,
            path: `industry_slices.${list}.${i}`,
            variable,
            known: [...known].sort().join(', '),
          }),
        );
      });
    }
  }
  if (problems.length > 0) throw new MethodologyError(problems.join('\n'));
  return loaded.map((l) => l.m);
}
