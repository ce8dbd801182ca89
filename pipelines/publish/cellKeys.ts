// Stable identities of published cells. Outputs ask the layer about a value by these keys, and the
// revisions table stores them, so they never change meaning.

/** A business-demography value: 'd|330502|2020|births'. */
export function demographyKey(region: string, year: number, measure: string): string {
  return `d|${region}|${year}|${measure}`;
}

/** An index value (indicator, module or total): 'i|v1|growth|330502|2020|C3'. */
export function indexKey(version: string, index: string, region: string, year: number, code: string): string {
  return `i|${version}|${index}|${region}|${year}|${code}`;
}

/** The raw input X of a dropped indicator, printed in the methodology appendix: 'x|v1|growth|330502|2020|C3'. */
export function rawValueKey(
  version: string,
  index: string,
  region: string,
  year: number,
  code: string,
): string {
  return `x|${version}|${index}|${region}|${year}|${code}`;
}
