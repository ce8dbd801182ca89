-- methodology §6: when late data change an already published value, the next report shows the revision.
-- One row per value that a build changed (or removed) compared with the build before it.
create table if not exists mart.revisions (
    table_name          varchar not null,
    methodology_version varchar not null,   -- '' for business_demography (not versioned)
    year                integer not null,
    region_code         varchar not null,
    measure             varchar not null,   -- 'total:total', 'module:A', 'indicator:A2', 'births', …
    old_value           double,
    new_value           double,
    old_run_id          varchar,
    new_run_id          varchar not null
);
