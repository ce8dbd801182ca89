import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExtracts } from '../../pipelines/generate/generateExtracts.ts';
import { fileInboxOutcomes, listInboxFiles } from '../../pipelines/run/inbox.ts';
import { realStages } from '../../pipelines/run/realStages.ts';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { makeLayout, runOptions, testEffects } from '../run/runFixture.ts';
import { CODES, INDICATORS_HEADER } from './helpers.ts';

// `xiaowei run` over an inbox holding what analysts and attackers drop there: nothing blocks the run, every
// file ends in done/ or rejected/ (with its reason), and a later run finds nothing new.
describe('the inbox never blocks', () => {
  it('files a poison-number extract in done/ (its bad rows quarantined), and a symlink, a file named rejected and a readme in rejected/ with reasons', async () => {
    const layout = makeLayout();
    await generateExtracts({
      scale: 'tiny',
      seed: 5,
      outDir: layout.inbox,
      from: 2018,
      to: 2020,
      format: 'csv',
      encoding: 'utf8',
      dirty: 0,
    });
    const sidecars = ['faults.csv', 'manifest.json'].filter((f) => existsSync(join(layout.inbox, f)));
    // 1e309 and an amount of 1e32 万元 used to load and then fail every build, keeping the file in the inbox
    const poison = [
      `${CODES.a},2020,25,1e309,800,-12.5,30,60,5,0,否,是,`,
      `${CODES.b},2020,25,1,1e32,1,1,1,1,0,否,否,`,
    ];
    writeFileSync(join(layout.inbox, 'indicators_extra.csv'), `${INDICATORS_HEADER}\n${poison.join('\n')}\n`);
    writeFileSync(join(layout.inbox, 'rejected'), 'not a folder\n');
    writeFileSync(join(layout.inbox, 'done'), '');
    writeFileSync(join(layout.inbox, 'readme_first.txt'), 'read me\n');
    symlinkSync('/etc/hostname', join(layout.inbox, 'plan_2021.csv'));
    symlinkSync(join(layout.inbox, 'nowhere.csv'), join(layout.inbox, 'dangling.csv'));
    const inputs = listInboxFiles(layout.inbox);
    expect(inputs.map((f) => f.split('/').pop())).toEqual(
      expect.arrayContaining(['dangling.csv', 'done', 'rejected']),
    );

    const { fx } = testEffects(realStages());
    const outcome = await runPipeline(runOptions(layout, { render: { report: false, site: false } }), fx);
    expect(outcome.status, outcome.record?.error ?? '').toBe('succeeded');

    // everything was filed: only the two folders are left
    expect(readdirSync(layout.inbox).sort()).toEqual(['done', 'rejected']);
    const done = readdirSync(join(layout.inbox, 'done'));
    expect(done).toContain('indicators_extra.csv');
    const rejected = readdirSync(join(layout.inbox, 'rejected')).sort();
    expect(rejected).toEqual(
      [
        'dangling.csv',
        'done',
        'plan_2021.csv',
        'readme_first.txt',
        'rejected',
        ...sidecars,
        ...['dangling.csv', 'done', 'plan_2021.csv', 'readme_first.txt', 'rejected', ...sidecars].map(
          (f) => `${f}.reason.txt`,
        ),
      ].sort(),
    );
    const reason = (f: string) => readFileSync(join(layout.inbox, 'rejected', `${f}.reason.txt`), 'utf8');
    expect(reason('plan_2021.csv')).toMatch(/symbolic link: not followed/);
    expect(reason('dangling.csv')).toMatch(/symbolic link: not followed/);
    expect(reason('rejected')).toMatch(/no known column/);
    expect(reason('done')).toMatch(/empty file/);
    const record = outcome.record;
    const extra = record?.inputs.find((i) => i.file.endsWith('indicators_extra.csv'));
    expect(extra?.status).toBe('loaded');

    const again = await runPipeline(runOptions(layout, { onlyIfNew: true }), testEffects(realStages()).fx);
    expect(again.status).toBe('nothing-to-do');
  }, 120_000);

  it('moves a file that sits where done/ or rejected/ should be aside before filing, on every run', () => {
    const layout = makeLayout();
    writeFileSync(join(layout.inbox, 'rejected'), 'x');
    writeFileSync(join(layout.inbox, 'a.csv'), 'x');
    const moved = fileInboxOutcomes(
      layout.inbox,
      [{ file: join(layout.inbox, 'a.csv'), status: 'rejected', message: 'bad' }],
      'run1',
    );
    expect(moved).toEqual([join(layout.inbox, 'rejected', 'a.csv')]);
    // the file that was in the way is an inbox file again, under a visible name, for the next run
    expect(readdirSync(layout.inbox).sort()).toEqual(['done', 'rejected', 'rejected.run1']);
    expect(listInboxFiles(layout.inbox)).toEqual([join(layout.inbox, 'rejected.run1')]);
  });
});
