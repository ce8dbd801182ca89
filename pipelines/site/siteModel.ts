import type { TopLevelSpec } from 'vega-lite';

export interface SiteChart {
  id: string;
  title: string;
  section: string;
  /** Set on charts of which the page shows one at a time, picked by this label in the section's drop-down. */
  choice?: string;
  spec: TopLevelSpec;
}

/** A revised figure of the page's region, as printed before and now ("—" where withheld). */
export interface SiteRevision {
  period: string;
  label: string;
  old: string;
  new: string;
}

/** What one year shows on a page: headline sentences, key figures, revisions and the chart specs. */
export interface SiteYear {
  year: number;
  /** What the period selector shows when it is not the year (the 监测预警 page's month). */
  label?: string;
  headlines: string[];
  figures: { label: string; value: string }[];
  /** Footnote for the figures: what "—" means, when one is shown; else ''. */
  note: string;
  /** Revisions of this region's published figures for this year and earlier ones. */
  revisions: SiteRevision[];
  charts: SiteChart[];
}

/** One page of the dashboard: the city (index.html) or a county (county-<code>.html). */
export interface SitePage {
  file: string;
  /** data/<stem>.js holds the page's specs for every year. */
  dataFile: string;
  regionCode: string;
  title: string;
  /** The period drop-down's label when it is not 年份 (the 监测预警 page picks a 月份). */
  periodLabel?: string;
  years: SiteYear[];
}

export interface SiteNavItem {
  file: string;
  label: string;
}

export interface SiteModel {
  cityName: string;
  /** Publication minimum (methodology §6), for the colophon. */
  minEnterprises: number;
  methodologyVersion: string;
  runId: string;
  defaultYear: number;
  nav: SiteNavItem[];
  pages: SitePage[];
  fontFamily: string;
  /** Section titles in display order; `chooser` labels the drop-down of a section whose charts carry a choice. */
  sections: { id: string; title: string; chooser?: string }[];
}
