-- Schema config: the methodology files (config/methodology/*.json) as tables, one set of rows per version. Every
-- build drops and rewrites it (pipelines/indices/methodologyTables.ts) before the models run; the models of
-- sql/models/methodology/ publish it as config.methodology, config.index_meta, … with the rest of the build.
create schema if not exists config;

create table if not exists config.methodology (
    methodology_version    varchar not null,
    title_zh               varchar,
    released               date,
    config_sha256          varchar not null,
    base_year              integer not null,
    plan_start             date not null,
    plan_months            integer not null,
    period_ends            date[] not null,
    score_cap              double not null,
    on_track_ratio         double not null,
    lagging_ratio          double not null,
    county_target_decimals integer not null,
    stock_baseline_year    integer not null,
    min_enterprises        integer not null,
    weights_note_zh        varchar
);

create table if not exists config.methodology_plan_kinds (
    methodology_version varchar not null,
    indicator_no        integer not null,
    kind                varchar not null
);

create table if not exists config.methodology_county_targets (
    methodology_version varchar not null,
    region_code         varchar not null,
    indicator_no        integer not null,
    target              double not null
);

-- The methodology's index trees: modules and indicators with names, weights, directions and inputs.
create table if not exists config.index_meta (
    methodology_version varchar not null,
    "index"             varchar not null,   -- growth | vitality
    code                varchar not null,
    level               varchar not null,   -- module | indicator
    name_zh             varchar not null,
    name_en             varchar not null,
    parent              varchar,
    weight              double not null,
    direction           integer,
    variable            varchar,
    sort_order          integer not null
);
