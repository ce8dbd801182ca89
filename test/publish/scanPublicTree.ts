import { join } from 'node:path';
import type { GuardReport } from '../../pipelines/publish/guard/guardTypes.ts';
import { scanPublicFiles } from '../../pipelines/publish/guard/scanPublicFiles.ts';
import { listFiles } from '../../pipelines/publish/publicOutput.ts';
import type { Disclosure } from '../../pipelines/publish/suppressCells.ts';

/**
 * The publication guard as a test helper: scans every file below `root` (a report year, a site, a bulletin)
 * as `PublicOutput.commit` does, with the withheld values of `disclosure`. A route's test asserts
 * `findings` is empty after writing its outputs from small generated data.
 */
export async function scanPublicTree(
  root: string,
  disclosure: Disclosure,
  machinePaths: string[] = [],
): Promise<GuardReport> {
  const files = listFiles(root).map((relPath) => ({ path: join(root, relPath), relPath }));
  return scanPublicFiles(files, {
    min: disclosure.min,
    withheldValues: disclosure.withheldValues(),
    machinePaths,
  });
}
