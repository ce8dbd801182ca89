import { z } from 'zod';
import type { GrowthPathsMethod } from '../methodology/growthPathsSchema.ts';
// Inputs of the report besides the chart data: provenance, methodology text, rendered charts, font.
import type { Revision } from '../publish/diffSnapshots.ts';

export const IngestSourceSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  kind: z.string(),
  format: z.string(),
  encoding: z.string(),
  as_of: z.string(),
  rows_read: z.number(),
  rows_loaded: z.number(),
  rows_quarantined: z.number(),
  rows_dropped: z.number(),
  status: z.string(),
  run_id: z.string(),
});
export type IngestSource = z.infer<typeof IngestSourceSchema>;

export const QuarantineReasonSchema = z.object({ reason: z.string(), rows: z.number(), files: z.number() });
export type QuarantineReason = z.infer<typeof QuarantineReasonSchema>;

/** One row of ops.build_log as plain strings (the table is the lead's; unknown columns are kept as text). */
export type BuildInfo = Record<string, string>;

/** One row of mart.revisions: a printed figure a build changed (pipelines/publish/diffSnapshots.ts). */
export type RevisionRow = Revision;

export interface RenderedChart {
  id: string;
  title: string;
  section: string;
  svg: string;
}

export interface MethodologySummary {
  version: string;
  titleZh: string;
  baseYear: number;
  planStart: string;
  planEndYear: number;
  minEnterprises: number;
  weightsNoteZh: string;
  growthNameZh: string;
  vitalityNameZh: string;
  /** Thresholds of methodology §9 (growth paths, reconciliation, high growth), for the report's definitions. */
  growthPaths?: GrowthPathsMethod;
  /** How the rankings' uncertainty is analysed (methodology §11, `uncertainty.note_zh`). */
  uncertaintyNoteZh?: string;
}

export interface ReportMeta {
  /** ISO date printed on the cover; an input so re-runs are byte-identical. */
  reportDate: string;
  methodology: MethodologySummary;
  build: BuildInfo | null;
  sources: IngestSource[];
  quarantine: QuarantineReason[];
  revisions: RevisionRow[];
  charts: RenderedChart[];
  /** `@font-face` rule embedding the shipped CJK font, or '' (tests of the model). */
  fontCss: string;
  fontFamily: string;
  /** Drop-reason code → Chinese label (dropped-reasons.csv); unknown codes print as they are. */
  droppedReasonLabels: Record<string, string>;
  /** Cells the publication layer withheld over everything it publishes (for the methodology appendix). */
  withheld: { primary: number; secondary: number };
}
