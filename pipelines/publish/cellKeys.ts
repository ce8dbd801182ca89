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

/** The slice an industry index row is registered under: a region and a 八大万亿产业, '330500/时尚'. */
export function industrySlice(region: string, industry: string): string {
  return `${region}/${industry}`;
}

/** An index value of an industry slice (methodology §8): 'i|v1|growth|330500/时尚|2020|total'. */
export function industryIndexKey(
  version: string,
  index: string,
  region: string,
  industry: string,
  year: number,
  code: string,
): string {
  return indexKey(version, index, industrySlice(region, industry), year, code);
}

/** A monthly flow count of methodology §10 (monitoring): 'mf|330502|2020-06|births'. */
export function monthlyFlowKey(region: string, month: string, metric: string): string {
  return `mf|${region}|${month}|${metric}`;
}
