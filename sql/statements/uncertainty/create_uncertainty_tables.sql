-- Methodology §11: how certain each published ranking is. Filled by pipelines/uncertainty/ (xiaowei build and
-- xiaowei uncertainty), which replaces every row at once. index_name: growth | vitality | scorecard ("8631").
create table if not exists mart.methodology_uncertainty (
    methodology_version   varchar primary key,
    draws                 integer not null,
    seed                  bigint not null,
    weight_factor_min     double not null,
    weight_factor_max     double not null,
    geometric_probability double not null,
    exclusion_probability double not null
);

-- What the current marts were computed with (the CLI may override draws and seed).
create table if not exists mart.uncertainty_settings (
    methodology_version varchar not null,
    index_name          varchar not null,
    draws               integer not null,
    seed                bigint not null,
    runs                integer not null,   -- draws · (inputs + 2)
    inputs              varchar not null    -- the inputs varied, comma-separated
);

-- One row per version, index, year and county with a nominal rank; ranks over the N draws (matrix A).
create table if not exists mart.rank_uncertainty (
    methodology_version varchar not null,
    index_name          varchar not null,
    year                integer not null,
    region_code         varchar not null,
    nominal_rank        integer not null,
    median_rank         double,
    rank_p05            double,
    rank_p95            double,
    share_first         double,
    value_p05           double,
    value_p95           double
);

-- One row per version, index, year, region and indicator left out (nominal weights renormalised, exact).
create table if not exists mart.sensitivity_drop_one (
    methodology_version varchar not null,
    index_name          varchar not null,
    year                integer not null,
    region_code         varchar not null,
    dropped_code        varchar not null,
    value               double,
    rank                integer             -- among counties; NULL for the city and a missing value
);

-- One row per version, index, year and uncertain input: Sobol indices of the mean absolute rank shift.
create table if not exists mart.sensitivity_sobol (
    methodology_version varchar not null,
    index_name          varchar not null,
    year                integer not null,
    input               varchar not null,   -- module_weights | indicator_weights | aggregation | exclusion
    first_order         double,
    total_order         double
);
