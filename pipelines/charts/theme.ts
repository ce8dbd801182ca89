// The one look every chart shares: the shipped CJK font, Chinese number locale, colour-blind-safe colours.
import type { Config } from 'vega-lite';
import { FONT_STACK } from './font.ts';

/**
 * Okabe & Ito (2008) colour-blind-safe qualitative palette, reordered so the colours that read best on
 * white come first (yellow #F0E442 last: too light for lines). Black is kept for the city.
 */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
];

/** The city is always black and drawn thicker; counties take OKABE_ITO in region-code order. */
export const CITY_COLOR = '#000000';
export const COUNTY_COLORS = OKABE_ITO.slice(0, 6);

/**
 * Scorecard status colours. Hue alone would fail for colour-vision deficiency, so the three also step
 * down in CIE L* (正常 81.8 → 滞后 65.0 → 严重滞后 32.8) and read in greyscale; blue vs orange vs dark
 * brown stay apart under protan/deutan/tritan simulation (checked in test/charts/theme.test.ts).
 */
export const STATUS_COLORS = {
  正常: '#A6D1EE',
  滞后: '#E08A00',
  严重滞后: '#8C2D04',
  无数据: '#F0F0F0',
} as const;
export const STATUS_ORDER = ['正常', '滞后', '严重滞后', '无数据'] as const;
export type StatusLabel = (typeof STATUS_ORDER)[number];
/** Text drawn on a status cell: white only on the dark colour. */
export const STATUS_TEXT_ON_DARK = '#FFFFFF';
export const STATUS_TEXT_ON_LIGHT = '#1A1A1A';

/** Business demography series. */
export const DEMOGRAPHY_COLORS = { births: '#0072B2', deaths: '#D55E00', net: '#000000' } as const;

/** Ranking bars: the county a report is about vs the others. */
export const FOCUS_COLOR = '#0072B2';
export const CONTEXT_COLOR = '#B8B8B8';
export const REFERENCE_RULE_COLOR = '#777777';
export const PLAN_PERIOD_FILL = '#000000';
export const PLAN_PERIOD_OPACITY = 0.06;

/** d3-format locale for zh-CN (as shipped by d3-format's locale/zh-CN.json). */
const ZH_CN_NUMBER = {
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['¥', ''] as [string, string],
};

export const CHART_THEME: Config = {
  font: FONT_STACK,
  background: '#FFFFFF',
  padding: 10,
  locale: { number: ZH_CN_NUMBER },
  view: { stroke: null },
  title: {
    fontSize: 15,
    fontWeight: 'bold',
    color: '#1A1A1A',
    anchor: 'start',
    offset: 12,
    subtitleFontSize: 11,
    subtitleFontWeight: 'normal',
    subtitleColor: '#555555',
    subtitlePadding: 4,
  },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelColor: '#333333',
    titleColor: '#333333',
    gridColor: '#E6E6E6',
    domainColor: '#888888',
    tickColor: '#888888',
    labelLimit: 320,
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelColor: '#333333',
    titleColor: '#333333',
    orient: 'bottom',
    direction: 'horizontal',
    labelLimit: 200,
  },
  range: { category: OKABE_ITO },
  line: { strokeWidth: 2 },
  point: { size: 36, filled: true },
  text: { fontSize: 11, color: '#333333' },
};

/** Monitoring (methodology §10): the expected band, and the two alert severities (attention, warning). */
export const MONITOR_BAND_COLOR = '#56B4E9';
export const MONITOR_BAND_OPACITY = 0.25;
export const MONITOR_SEVERITY_COLORS = { 关注: '#E69F00', 预警: '#D55E00' } as const;
