-- One methodology version's parameters (config/methodology/<version>.json), one row of config.methodology.
insert into config.methodology values (
    $version, $title_zh, $released::date, $sha256, $base_year, $plan_start::date, $plan_months,
    string_split($period_ends, ',')::date[], $score_cap, $on_track_ratio, $lagging_ratio,
    $county_target_decimals, $stock_baseline_year, $min_enterprises, $weights_note_zh
)
