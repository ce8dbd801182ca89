/**
 * Reads the methodology models (mart.methodology, …) from the config tables the build publishes them from, so a
 * test can run one mart model on hand-made inputs without running the methodology models first.
 */
export const CONFIG_AS_MART: ReadonlyMap<string, string> = new Map(
  [
    'methodology',
    'methodology_plan_kinds',
    'methodology_county_targets',
    'methodology_growth_paths',
    'methodology_monitoring',
    'methodology_quarter_ends',
    'index_meta',
  ].map((t) => [`mart.${t}`, `config.${t}`]),
);
