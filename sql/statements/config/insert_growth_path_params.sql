-- One methodology version's growth-path thresholds (methodology §9), one row of config.methodology_growth_paths.
insert into config.methodology_growth_paths values (
    $version, $recon_relative_threshold, $recon_absolute_threshold, from_json($indicator_7_boards, '["VARCHAR"]'),
    $hg_growth_rate, $hg_min_employees, $hg_years, $gazelle_max_age_years, $upgrade_revenue_share,
    $upgrade_revenue_growth, $joint_stock_revenue_min_wan, $listing_revenue_min_wan
)
