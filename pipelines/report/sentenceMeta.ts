import type { MethodologySummary, ReportMeta } from './reportMeta.ts';

/**
 * Report inputs with no provenance, rendered charts or font: what the report's sentences and tables need when
 * they are reused outside a report (the dashboard's headlines, a notebook).
 */
export function sentenceMeta(methodology: MethodologySummary, fontFamily = 'sans-serif'): ReportMeta {
  return {
    reportDate: '',
    methodology,
    build: null,
    sources: [],
    quarantine: [],
    revisions: [],
    charts: [],
    fontCss: '',
    fontFamily,
    droppedReasonLabels: {},
    withheld: { primary: 0, secondary: 0 },
  };
}
