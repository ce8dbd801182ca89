import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_DIR } from './templateEnvironment.ts';

/** Chinese labels of the index engine's drop reasons (reports/templates/report/dropped-reasons.csv). */
export function loadDroppedReasonLabels(): Record<string, string> {
  const lines = readFileSync(join(TEMPLATE_DIR, 'report', 'dropped-reasons.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const out: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const [code, label] = line.split(',');
    if (code && label) out[code] = label;
  }
  return out;
}

/** "基期值缺失（base_missing）"; an unknown reason (or free text) is shown as it is. */
export function droppedReasonText(reason: string, labels: Record<string, string>): string {
  const label = labels[reason];
  return label ? `${label}（${reason}）` : reason;
}
