import { templateEnvironment } from '../report/templateEnvironment.ts';
import type { SiteModel, SitePage } from './siteModel.ts';

/** One dashboard page (HTML); the initial year's text is in the page so it reads without JavaScript. */
export function renderSitePage(site: SiteModel, page: SitePage): string {
  const initial = page.years.find((y) => y.year === site.defaultYear) ??
    page.years.at(-1) ?? { headlines: [], figures: [] };
  return templateEnvironment().render('site/page.njk', { site, page, initial });
}

/** data/<page>.js: the page's specs for every year as a global, so the site also works from file://. */
export function renderSiteData(page: SitePage): string {
  return `window.XIAOWEI_PAGE = ${JSON.stringify({ regionCode: page.regionCode, years: page.years })};\n`;
}

export function renderSiteCss(fontFamily: string, fonts: { weight: number; file: string }[]): string {
  return templateEnvironment().render('site/site.css.njk', { fontFamily, fonts });
}
