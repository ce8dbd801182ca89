import type { TopLevelSpec } from 'vega-lite';

export interface SiteChart {
  id: string;
  title: string;
  section: string;
  spec: TopLevelSpec;
}

/** What one year shows on a page: headline sentences, key figures and the chart specs. */
export interface SiteYear {
  year: number;
  headlines: string[];
  figures: { label: string; value: string }[];
  charts: SiteChart[];
}

/** One page of the dashboard: the city (index.html) or a county (county-<code>.html). */
export interface SitePage {
  file: string;
  /** data/<stem>.js holds the page's specs for every year. */
  dataFile: string;
  regionCode: string;
  title: string;
  years: SiteYear[];
}

export interface SiteNavItem {
  file: string;
  label: string;
}

export interface SiteModel {
  cityName: string;
  methodologyVersion: string;
  runId: string;
  defaultYear: number;
  nav: SiteNavItem[];
  pages: SitePage[];
  fontFamily: string;
  /** Section titles in display order. */
  sections: { id: string; title: string }[];
}
