import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { openWarehouse, readRows, withConnection } from '../../pipelines/db/warehouse.ts';
import type {
  IngestFileResultLike,
  PipelineStages,
  RenderContext,
  StageContext,
} from '../../pipelines/run/stages.ts';

/**
 * Stand-in stages that touch the work warehouse and the staging dir the way the real ones do, and call the
 * crash-test checkpoint in the middle of each stage ('ingest:mid', 'build:mid', 'report:mid').
 * An input file holds lines `as_of YYYY-MM-DD`; a file whose text starts with BAD is rejected.
 */
export function fakeStages(overrides: Partial<PipelineStages> = {}): PipelineStages {
  return {
    async ingest(paths: string[], ctx: StageContext) {
      const out: IngestFileResultLike[] = [];
      await withConnection(ctx.wh, async (con) => {
        await con.run('create table if not exists raw.fake_files (sha256 varchar primary key, name varchar)');
        await con.run('create table if not exists raw.registry (as_of date)');
        for (const [i, file] of paths.entries()) {
          const text = readFileSync(file, 'utf8');
          const sha256 = createHash('sha256').update(text).digest('hex');
          if (text.startsWith('BAD')) {
            out.push({
              file,
              status: 'rejected',
              message: `${basename(file)}: 无法识别的文件 / unknown extract`,
            });
          } else if (
            (await readRows(con, z.object({}), 'select 1 from raw.fake_files where sha256 = $1', [sha256]))
              .length > 0
          ) {
            out.push({ file, status: 'skipped_duplicate', message: 'already loaded' });
          } else {
            await con.run('insert into raw.fake_files values ($1, $2)', [sha256, basename(file)]);
            for (const m of text.matchAll(/as_of (\d{4}-\d{2}-\d{2})/g)) {
              await con.run('insert into raw.registry values ($1::date)', [m[1]]);
            }
            out.push({ file, status: 'loaded', message: null, rows_loaded: 1 });
          }
          if (i === 0) await ctx.checkpoint('ingest:mid');
        }
      });
      return out;
    },
    async build(ctx: StageContext) {
      await withConnection(ctx.wh, async (con) => {
        await con.run('create table if not exists raw.fake_files (sha256 varchar primary key, name varchar)');
        await con.run(
          'create or replace table mart.fake_summary as select count(*)::integer as files from raw.fake_files',
        );
        await ctx.checkpoint('build:mid');
        await con.run('create or replace table mart.fake_done as select 1 as ok');
      });
      return { models: 2, checks: 0, methodologyVersion: 'v-test' };
    },
    async report(year: number, ctx: RenderContext) {
      const wh = await openWarehouse(ctx.dbPath, { readOnly: true });
      const [row] = await withConnection(wh, (con) =>
        readRows(con, z.object({ files: z.number() }), 'select files from mart.fake_summary'),
      ).finally(() => wh.close());
      const dir = join(ctx.outDir, String(year));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'report.html'), `<p>${year}: ${row.files} files, run ${ctx.runId}</p>\n`);
      await ctx.checkpoint('report:mid');
      writeFileSync(join(dir, 'table.csv'), `year,files\n${year},${row.files}\n`);
      return { outputs: [join(dir, 'report.html'), join(dir, 'table.csv')] };
    },
    async site(ctx: RenderContext) {
      const dir = join(ctx.outDir, 'site');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), `<p>site for run ${ctx.runId}</p>\n`);
      return { outputs: ['site/index.html'] };
    },
    async monitor(ctx: RenderContext) {
      const dir = join(ctx.outDir, 'monitor', '2020-12');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'bulletin-2020-12.html'), `<p>bulletin for run ${ctx.runId}</p>\n`);
      return { outputs: [dir] };
    },
    ...overrides,
  };
}
