import type { IMetaRow } from '../engine/index.ts';
import type { IndexDefinition } from '../methodology/schema.ts';

/** The root aggregate's code in every xiaowei index tree (mart rows: level 'total', code 'total'). */
export const TOTAL_CODE = 'total';

/**
 * Turns a methodology index (modules → indicators) into the engine's COINr-style iMeta: indicators at
 * level 1 under their module, modules at level 2 under the total at level 3.
 */
export function indexDefinitionToIMeta(def: IndexDefinition): IMetaRow[] {
  const rows: IMetaRow[] = [];
  for (const mod of def.modules) {
    for (const ind of mod.indicators) {
      rows.push({
        level: 1,
        iCode: ind.code,
        iName: ind.name_en,
        direction: ind.direction,
        weight: ind.weight,
        parent: mod.code,
        type: 'Indicator',
      });
    }
  }
  for (const mod of def.modules) {
    rows.push({
      level: 2,
      iCode: mod.code,
      iName: mod.name_en,
      direction: 1,
      weight: mod.weight,
      parent: TOTAL_CODE,
      type: 'Aggregate',
    });
  }
  rows.push({
    level: 3,
    iCode: TOTAL_CODE,
    iName: def.name_en,
    direction: 1,
    weight: 1,
    parent: null,
    type: 'Aggregate',
  });
  return rows;
}
