import type { TopLevelSpec } from 'vega-lite';

/**
 * The report's spec made to fill its card on any screen: a single view gets width "container"; composed
 * views (concat, facet, repeat) keep their widths and scroll horizontally on a phone instead.
 */
export function responsiveSpec(spec: TopLevelSpec): TopLevelSpec {
  const composed = ['hconcat', 'vconcat', 'concat', 'facet', 'repeat'].some((k) => k in spec);
  if (composed || !('width' in spec)) return spec;
  return { ...spec, width: 'container' } as TopLevelSpec;
}
