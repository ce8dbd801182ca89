import type { ReportModel } from './reportModel.ts';
import { templateEnvironment } from './templateEnvironment.ts';

/** The self-contained annual report page (pure apart from reading the templates). */
export function renderAnnualReportHtml(model: ReportModel): string {
  return templateEnvironment().render('report/annual.njk', { model });
}
