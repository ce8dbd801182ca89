import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';

// An incremental build extends the register's history by comparing each firm's added snapshot with its current state
// through the model's state hash (sql/statements/incremental/extend/stg_registry_history.sql). Both must hash the same
// attributes in the same order, or an attribute the extension leaves out would change a firm's state in a full build
// and not in a yearly one. The yearly-run test sees only the attributes its data changes; this one reads the SQL.
const sql = (file: string) => readFileSync(join(REPO_ROOT, 'sql', file), 'utf8');

/** The argument lists of every hash(…) call, the table alias dropped: [['name', 'entity_type', …], …]. */
function hashedColumns(text: string): string[][] {
  return [...text.matchAll(/\bhash\(([^)]*)\)/g)].map((m) =>
    m[1]
      .split(',')
      .map((a) => a.trim().replace(/^\w+\./, ''))
      .filter((a) => a !== ''),
  );
}

describe('the history extension hashes what the history model hashes', () => {
  const model = hashedColumns(sql('models/staging/stg_registry_history.sql'));
  const extension = hashedColumns(sql('statements/incremental/extend/stg_registry_history.sql'));

  it('the model hashes twelve attributes once', () => {
    expect(model).toHaveLength(1);
    expect(model[0]).toHaveLength(12);
    expect(model[0]).toContain('priority_industry');
  });

  it('both of the extension’s hashes (the added snapshot, the current state) list them in that order', () => {
    expect(extension).toEqual([model[0], model[0]]);
  });
});
