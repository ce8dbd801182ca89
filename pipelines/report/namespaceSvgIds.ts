/**
 * Prefixes every id in an SVG (and the url(#…)/href="#…" references to it). vega numbers clip paths and
 * gradients from 1 for each chart, so two charts inlined in one HTML page would otherwise share ids and
 * the second would be clipped by the first one's paths.
 */
export function namespaceSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  if (ids.size === 0) return svg;
  const rename = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_m, a: string, id: string, b: string) => `${a}${rename(id)}${b}`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(
      /((?:xlink:)?href=")#([^"]+)(")/g,
      (_m, a: string, id: string, b: string) => `${a}#${rename(id)}${b}`,
    );
}
