import type { DuckDBConnection } from '@duckdb/node-api';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { loadMartData } from './loadMartData.ts';
import type { MartData } from './martData.ts';
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
  return publishWithMethodologyMinimum(await loadMartData(con), extra);
}

/** Publishes marts with the strictest minimum of their versions (the default methodology's when none is built). */
export function publishWithMethodologyMinimum(mart: MartData, extra: Contribution[] = []): Publication {
  return publishMartData(
    mart,
    publicationMinimum(mart, loadMethodology().publication.min_enterprises),
    extra,
  );
}
