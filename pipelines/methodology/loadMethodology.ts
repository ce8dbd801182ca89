import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { REPO_ROOT } from '../db/sqlFile.ts';
import { type Methodology, MethodologySchema } from './schema.ts';

export const METHODOLOGY_DIR = join(REPO_ROOT, 'config', 'methodology');
export const DEFAULT_METHODOLOGY_VERSION = 'v1';

/** Error whose message reads `file: dotted.path: message`, one line per problem. */
export class MethodologyError extends Error {}

/** Resolves `v1` to config/methodology/v1.json; a path (containing / or ending .json) is used as is. */
export function methodologyPath(versionOrPath: string): string {
  if (versionOrPath.includes('/') || versionOrPath.endsWith('.json')) {
    return isAbsolute(versionOrPath) ? versionOrPath : join(process.cwd(), versionOrPath);
  }
  return join(METHODOLOGY_DIR, `${versionOrPath}.json`);
}

/** Parses and validates methodology text; `file` only labels error messages. */
export function parseMethodology(text: string, file: string): Methodology {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MethodologyError(`${file}: ${(err as Error).message}`);
  }
  const result = MethodologySchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new MethodologyError(lines.join('\n'));
  }
  return result.data;
}

/** Loads one methodology version (default v1) by version tag or file path. */
export function loadMethodology(versionOrPath: string = DEFAULT_METHODOLOGY_VERSION): Methodology {
  const path = methodologyPath(versionOrPath);
  if (!existsSync(path)) {
    throw new MethodologyError(
      `${path}: no such methodology file (versions: ${listMethodologyVersions().join(', ')})`,
    );
  }
  const shown = relative(process.cwd(), path) || path;
  return parseMethodology(readFileSync(path, 'utf8'), shown);
}

/** Versions available in config/methodology/, sorted. */
export function listMethodologyVersions(): string[] {
  return readdirSync(METHODOLOGY_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
