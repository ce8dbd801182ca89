import type { DuckDBConnection } from '@duckdb/node-api';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { loadMartData } from './loadMartData.ts';
import {
  type Contribution,
  type Publication,
  publicationMinimum,
  publishMartData,
} from './publishMartData.ts';

/**
 * Reads the marts and applies the publication rules: the one entry point of every public output.
 * `extra` adds a section's own cells and relations to the same suppression problem.
 */
export async function loadPublication(
  con: DuckDBConnection,
  extra: Contribution[] = [],
): Promise<Publication> {
  const mart = await loadMartData(con);
  const min = publicationMinimum(mart, loadMethodology().publication.min_enterprises);
  return publishMartData(mart, min, extra);
}
