import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath, withChromium } from '../../pipelines/report/printPdf.ts';
import { serveStatic } from '../../pipelines/site/serveStatic.ts';
import { writeSite } from '../../pipelines/site/writeSite.ts';
import { buildGeneratedWarehouse } from '../e2e/generatedWarehouse.ts';
import { errorsWhile } from '../report/pageErrors.ts';

const CHROMIUM = chromiumPath();
let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The 监测预警 page's 月份 drop-down: it opens on the latest complete month (2020-12 for data to 31 December 2020)
// and re-renders every chart and headline for a month picked from it, in a real browser.
describe.skipIf(!existsSync(CHROMIUM))(
  `the dashboard's 监测预警 page in headless Chromium (skipped when ${CHROMIUM} is missing: apt-get install chromium)`,
  () => {
    it('opens on the latest month and re-renders for an earlier one, with no console error', async () => {
      const built = await buildGeneratedWarehouse({ scale: 'tiny', seed: 6, from: 2018, to: 2020, dirty: 0 });
      dir = built.dir;
      built.wh.close();
      const site = await writeSite({ dbPath: join(dir, 'w.duckdb'), outDir: join(dir, 'site') });
      const { server, url } = await serveStatic(site.outDir, 0);
      try {
        await withChromium(CHROMIUM, async (context) => {
          const page = await context.newPage();
          const errors = await errorsWhile(page, async () => {
            await page.goto(`${url}monitor.html`, { waitUntil: 'load' });
            await page.waitForSelector('body[data-rendered-year="202012"]', { timeout: 20_000 });
            expect(await page.textContent('#headlines')).toMatch(/^2020年12月/);
            const drawn = () =>
              page.$$eval('.vega-host', (els) => els.map((e) => e.querySelector('svg, canvas') !== null));
            expect(await drawn()).toEqual([true, true, true, true, true, true]);
            await page.selectOption('#year-select', '202006');
            await page.waitForSelector('body[data-rendered-year="202006"]', { timeout: 20_000 });
            expect(await page.textContent('#headlines')).toMatch(/^2020年6月/);
            expect(await drawn()).toEqual([true, true, true, true, true, true]);
          });
          expect(errors).toEqual([]);
          await page.close();
        });
      } finally {
        await new Promise<void>((done) => server.close(() => done()));
      }
    }, 240_000);
  },
);
