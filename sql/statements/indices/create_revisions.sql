-- methodology §6: when late data change an already published value, the next report shows the revision.
-- mart.published_values: every figure the public outputs print, as the last build's publication layer
-- decided it (text as printed, value at the printed precision; withheld cells print "—").
-- mart.revisions: one row per printed figure a build changed, with what was printed before and after.
-- Both are written by pipelines/publish/recordRevisions.ts at the end of each build.
create table if not exists mart.published_values (
    cell_key            varchar not null primary key,
    methodology_version varchar not null,   -- '' for business demography (not versioned)
    topic               varchar not null,   -- demography | growth | vitality | scorecard | ranking | industry | growth_path
    year                integer not null,
    period              varchar not null,   -- scorecard period end (ISO date), else ''
    region_code         varchar not null,
    measure             varchar not null,   -- births, C3, raw:C3, score:3, status:3, total_score, rank:growth…
    value               double,             -- at the printed precision; internal (withheld cells too)
    value_text          varchar not null,   -- as printed: 92.4, —, …, 正常
    status              varchar not null,   -- shown | withheld | missing
    run_id              varchar not null
);

create table if not exists mart.revisions (
    cell_key            varchar not null,
    methodology_version varchar not null,
    topic               varchar not null,
    year                integer not null,
    period              varchar not null,
    region_code         varchar not null,
    measure             varchar not null,
    old_text            varchar not null,   -- as printed before ("—" when it was withheld)
    new_text            varchar not null,   -- as printed now ("—" when it is withheld)
    old_run_id          varchar not null,
    new_run_id          varchar not null
);
