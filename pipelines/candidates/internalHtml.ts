import { templateEnvironment } from '../report/templateEnvironment.ts';
import type { InternalCell, InternalColumn, InternalTable } from './candidateTables.ts';
import { audienceLine, INTERNAL_MARK, type InternalProvenance, provenanceLine } from './internalNotice.ts';

function displayCell(v: InternalCell, c: InternalColumn): string {
  if (v === null) return '';
  if (typeof v === 'number' && c.percent) return `${Number((v * 100).toFixed(2))}%`;
  return String(v);
}

/**
 * The lists as one self-contained page (no script, no remote resource): a red 内部资料 band fixed at the top of
 * the screen and of every printed page, the audience notice, then one section per list. Names are escaped.
 */
export function internalHtml(tables: InternalTable[], p: InternalProvenance): string {
  return templateEnvironment().render('internal/candidates.njk', {
    mark: INTERNAL_MARK,
    year: p.year,
    audience: audienceLine(),
    provenance: provenanceLine(p),
    tables: tables.map((t) => ({
      ...t,
      display: t.rows.map((r) => r.map((v, i) => displayCell(v, t.columns[i]))),
    })),
  });
}
