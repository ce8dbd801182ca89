import { basename } from 'node:path';

// 2019-12-31, 20191231, 2019.12.31, 2019_12_31 (one separator, used twice), and 2019年12月31日 as government
// exports name their files (湖州市市场主体登记信息（截至2019年12月31日）.csv).
const DATE_IN_NAME = /(?<!\d)(\d{4})(?:([-._]?)(\d{2})\2(\d{2})|年(\d{1,2})月(\d{1,2})日)(?!\d)/g;

/**
 * The calendar dates a file name carries, distinct, in order: `registry_2019-12-31.csv` → ['2019-12-31'];
 * also `…20191231…` and `…2019年12月31日…`. Several dates make the extract date ambiguous (ingestFile.ts decides
 * what that means).
 */
export function extractDatesFromName(path: string): string[] {
  const dates: string[] = [];
  for (const m of basename(path).matchAll(DATE_IN_NAME)) {
    const [y, mo, d] = [Number(m[1]), Number(m[3] ?? m[5]), Number(m[4] ?? m[6])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    const valid =
      y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
    const text = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (valid && !dates.includes(text)) dates.push(text);
  }
  return dates;
}
