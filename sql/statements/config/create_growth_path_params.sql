-- Methodology §9 thresholds, one row per methodology version (config growth_paths), read by the growth-path,
-- reconciliation and high-growth marts so that a version changes them without touching SQL.
create table if not exists config.methodology_growth_paths (
    methodology_version          varchar not null,
    recon_relative_threshold     double not null,
    recon_absolute_threshold     double not null,
    indicator_7_boards           varchar[] not null,
    hg_growth_rate               double not null,
    hg_min_employees             integer not null,
    hg_years                     integer not null,
    gazelle_max_age_years        integer not null,
    upgrade_revenue_share        double not null,
    upgrade_revenue_growth       double not null,
    joint_stock_revenue_min_wan  double not null,
    listing_revenue_min_wan      double not null
);
