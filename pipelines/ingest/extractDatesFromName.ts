import { basename } from 'node:path';

/**
 * The calendar dates a file name carries, distinct, in order: `registry_2019-12-31.csv` → ['2019-12-31'];
 * also `…20191231…`. Several dates make the extract date ambiguous (ingestFile.ts decides what that means).
 */
export function extractDatesFromName(path: string): string[] {
  const dates: string[] = [];
  for (const m of basename(path).matchAll(/(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    const valid =
      y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
    const text = `${m[1]}-${m[2]}-${m[3]}`;
    if (valid && !dates.includes(text)) dates.push(text);
  }
  return dates;
}
