-- Methodology §8 settings, one row per methodology version (config industry_slices), read by the index models so
-- that a version changes the sliced levels and the inputs an industry slice drops without touching SQL.
create table if not exists config.methodology_industry_slices (
    methodology_version      varchar not null,
    county_by_industry       boolean not null,
    region_level_only        varchar[] not null,
    constant_within_industry varchar[] not null,
    proxy_note_zh            varchar not null
);
