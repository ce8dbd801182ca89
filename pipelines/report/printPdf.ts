import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import { templateEnvironment } from './templateEnvironment.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags from engineering-notes.md: headless, no sandbox (containers), and no network chatter of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `未找到 Chromium（${path}），无法生成 PDF；HTML 报告已生成。请安装：sudo apt-get install chromium（或设置 XIAOWEI_CHROMIUM 指向浏览器）。\n` +
        `Chromium not found at ${path}, so no PDF was written (the HTML report was). Install it with ` +
        '`sudo apt-get install chromium`, or set XIAOWEI_CHROMIUM to its path.',
    );
  }
}

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.XIAOWEI_CHROMIUM ?? DEFAULT_CHROMIUM;
}

/**
 * Launches Debian's Chromium with a fresh, temporary profile; `fn` gets the browser context, and the
 * browser and profile are removed afterwards whatever happens.
 */
export async function withChromium<T>(
  executablePath: string,
  fn: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const profile = mkdtempSync(join(tmpdir(), 'xw-chromium-'));
  try {
    // Loaded on use: playwright-core costs ~0.3 s at start-up and only PDF printing needs it.
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      return await fn(context);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Prints an HTML file to an A4 PDF: report title in the running header, 第 n 页 / 共 m 页 in the footer,
 * a PDF outline from the headings. Written atomically.
 */
export async function printPdf(
  htmlPath: string,
  pdfPath: string,
  title: string,
  executablePath: string,
): Promise<void> {
  const env = templateEnvironment();
  const pdf = await withChromium(executablePath, async (context) => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    return page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: env.render('report/pdf-header.njk', { title }),
      footerTemplate: env.render('report/pdf-footer.njk', {}),
      margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
      outline: true,
      tagged: true,
    });
  });
  writeFileAtomic(pdfPath, pdf);
}
