import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withConnection } from '../../pipelines/db/warehouse.ts';
import { withoutVacuum } from '../../pipelines/ingest/withoutVacuum.ts';
import { addsUp, CODES, REGISTRY_HEADER, type TestWarehouse, testWarehouse } from './helpers.ts';

// Ingest pauses DuckDB's checkpoint vacuum (a global setting) and must give it back as it found it, also when
// the ingest fails: a build later in the same process deletes rows, and only the vacuum reclaims them.
let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const tasks = () =>
  t.read(z.object({ n: z.number() }), "select current_setting('max_vacuum_tasks')::integer as n");

describe('withoutVacuum', () => {
  it('pauses the vacuum while the ingest runs and restores the value it found (37, not the default 100)', async () => {
    await withConnection(t.wh, async (con) => {
      await con.run('set max_vacuum_tasks = 37');
      const during = await withoutVacuum(con, async () => {
        const r = await con.runAndReadAll("select current_setting('max_vacuum_tasks')::integer");
        return r.getRows()[0][0];
      });
      expect(during).toBe(0);
    });
    expect(await tasks()).toEqual([{ n: 37 }]);
  });

  it('restores it when the ingest throws, and passes the error on', async () => {
    await withConnection(t.wh, async (con) => {
      await con.run('set max_vacuum_tasks = 12');
      await expect(
        withoutVacuum(con, async () => {
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
    });
    expect(await tasks()).toEqual([{ n: 12 }]);
  });

  it('ingestFiles loads as before and leaves the setting as it was', async () => {
    await withConnection(t.wh, (con) => con.run('set max_vacuum_tasks = 100'));
    const path = t.write(
      'registry_2019-12-31.csv',
      `${REGISTRY_HEADER}\n${CODES.a},湖州甲科技有限公司,有限责任公司,2015-03-05,存续,,330502,C1713,100,否,,,\n`,
    );
    const [r] = await t.ingest([path]);
    expect(r.status).toBe('loaded');
    expect(r.rows_loaded).toBe(1);
    expect(addsUp(r)).toBe(true);
    expect(await tasks()).toEqual([{ n: 100 }]);
  });
});
