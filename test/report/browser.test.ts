import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, withChromium } from '../../pipelines/report/printPdf.ts';
import { type AnnualReportResult, writeAnnualReport } from '../../pipelines/report/writeAnnualReport.ts';
import { serveStatic } from '../../pipelines/site/serveStatic.ts';
import { writeSite } from '../../pipelines/site/writeSite.ts';
import { buildFixtureWarehouse, removeFixtureWarehouses } from '../fixtures/report/fixtureWarehouse.ts';
import { errorsWhile } from './pageErrors.ts';

afterAll(() => removeFixtureWarehouses());

const CHROMIUM = chromiumPath();
const HAVE_CHROMIUM = existsSync(CHROMIUM);

describe.skipIf(!HAVE_CHROMIUM)(
  `report and site in headless Chromium (skipped when ${CHROMIUM} is missing: apt-get install chromium)`,
  () => {
    let report: AnnualReportResult;
    let siteDir: string;
    let server: Server;
    let base: string;
    let context: BrowserContext;
    let closeBrowser: () => void;
    let browserClosed: Promise<void> | undefined;

    beforeAll(async () => {
      // With the industry marts, so the site has its industry drop-down.
      const { dir, dbPath } = await buildFixtureWarehouse(
        readFileSync(join(import.meta.dirname, '..', 'fixtures', 'report', 'industry_marts.sql'), 'utf8'),
      );
      report = await writeAnnualReport({
        dbPath,
        year: 2020,
        outDir: join(dir, 'reports'),
        pdfChromium: CHROMIUM,
      });
      siteDir = (await writeSite({ dbPath, outDir: join(dir, 'site') })).outDir;
      ({ server, url: base } = await serveStatic(siteDir, 0));
      // One browser for both page checks: withChromium stays open until closeBrowser() in afterAll.
      await new Promise<void>((opened) => {
        browserClosed = withChromium(CHROMIUM, (c) => {
          context = c;
          opened();
          return new Promise<void>((closed) => {
            closeBrowser = closed;
          });
        });
      });
    });

    afterAll(async () => {
      closeBrowser?.();
      await browserClosed;
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    });

    it('prints a PDF whose text contains the Chinese headline', () => {
      expect(report.pdfError).toBeNull();
      expect(report.pdfPath).not.toBeNull();
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', report.pdfPath as string, '-'], {
        encoding: 'utf8',
      });
      const squash = (s: string) => s.replace(/\s+/g, '');
      expect(squash(text)).toContain(squash(report.model.headline));
      expect(squash(text)).toContain('第1页');
    });

    it('opens the report with no console error and every chart drawn', async () => {
      const charts = report.model.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart').length;
      {
        const page = await context.newPage();
        const errors = await errorsWhile(page, async () => {
          await page.goto(pathToFileURL(report.htmlPath).href, { waitUntil: 'load' });
        });
        expect(errors).toEqual([]);
        const sizes = await page.$$eval('figure.chart > svg', (els) =>
          els.map((e) => e.getBoundingClientRect().height),
        );
        expect(sizes.length).toBe(charts);
        expect(sizes.every((h) => h > 50)).toBe(true);
        // The shipped font, not a system fallback, is what the page uses.
        expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', '湖州'))).toBe(true);
        await page.close();
      }
    });

    it('serves the site: every vega-embed container gets an SVG, the year selector re-renders, no console error', async () => {
      const cityData = readFileSync(join(siteDir, 'data', 'city.js'), 'utf8');
      const page2020 = JSON.parse(cityData.slice(cityData.indexOf('{'), cityData.lastIndexOf('}') + 1)) as {
        years: { year: number; charts: unknown[] }[];
      };
      const expected = page2020.years.find((y) => y.year === 2020)?.charts.length ?? 0;
      expect(expected).toBeGreaterThan(5);
      {
        const page = await context.newPage();
        const errors = await errorsWhile(page, async () => {
          await page.goto(`${base}index.html`, { waitUntil: 'load' });
          await page.waitForSelector('body[data-rendered-year="2020"]', { timeout: 20_000 });
          const hosts = await page.$$eval('.vega-host', (els) =>
            els.map((e) => e.querySelector('svg, canvas') !== null),
          );
          expect(hosts.length).toBe(expected);
          expect(hosts.every(Boolean)).toBe(true);
          await page.selectOption('#year-select', '2019');
          await page.waitForSelector('body[data-rendered-year="2019"]', { timeout: 20_000 });
          expect(await page.textContent('#headlines')).toContain('2019年全市小微企业成长指数为 110.2');
          await page.setViewportSize({ width: 390, height: 844 });
          await page.goto(`${base}county-330502.html#2020`, { waitUntil: 'load' });
          await page.waitForSelector('body[data-rendered-year="2020"]', { timeout: 20_000 });
          const county = await page.$$eval('.vega-host', (els) =>
            els.map((e) => e.querySelector('svg, canvas') !== null),
          );
          expect(county.length).toBeGreaterThan(0);
          expect(county.every(Boolean)).toBe(true);
          // 八大万亿产业: the drop-down lists the industries and shows one chart at a time, drawn.
          await page.goto(`${base}index.html#2020`, { waitUntil: 'load' });
          await page.waitForSelector('body[data-rendered-year="2020"]', { timeout: 20_000 });
          const visible = () =>
            page.$$eval('.card[data-choice]', (els) =>
              els
                .filter((e) => !(e as HTMLElement).hidden)
                .map((e) => [e.getAttribute('data-choice'), e.querySelector('svg') !== null]),
            );
          expect(
            await page.$$eval('#industry-select option', (els) => els.map((e) => e.textContent)),
          ).toEqual(['信息经济', '时尚']);
          expect(await visible()).toEqual([['信息经济', true]]);
          await page.selectOption('#industry-select', '时尚');
          expect(await visible()).toEqual([['时尚', true]]);
          // The pick is kept when the year changes.
          await page.selectOption('#year-select', '2019');
          await page.waitForSelector('body[data-rendered-year="2019"]', { timeout: 20_000 });
          expect(await visible()).toEqual([['时尚', true]]);
        });
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  },
);
