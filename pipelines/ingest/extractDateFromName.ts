import { basename } from 'node:path';

/**
 * The extract date a file name carries: `registry_2019-12-31.csv` → '2019-12-31'; also `…20191231…`.
 * Returns null when the name has no valid calendar date.
 */
export function extractDateFromName(path: string): string | null {
  const name = basename(path);
  for (const m of name.matchAll(/(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (
      y >= 1900 &&
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === mo - 1 &&
      date.getUTCDate() === d
    ) {
      return `${m[1]}-${m[2]}-${m[3]}`;
    }
  }
  return null;
}
