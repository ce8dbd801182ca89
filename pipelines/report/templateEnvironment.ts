import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { REPO_ROOT } from '../db/sqlFile.ts';

export const TEMPLATE_DIR = join(REPO_ROOT, 'reports', 'templates');

let env: nunjucks.Environment | null = null;

/** The one nunjucks environment: templates from reports/templates, autoescape ON so names from data are escaped. */
export function templateEnvironment(): nunjucks.Environment {
  env ??= new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATE_DIR, { noCache: false }), {
    autoescape: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return env;
}
