-- ops.runs: one row per `xiaowei run` (grain: run_id). The source of truth is the crash-safe run store
-- (data/warehouse/runs/<id>.json); this table is rewritten from it at every publish so `xiaowei query` sees it.
-- Runs that failed or crashed appear here from the next successful publish on.
create table if not exists ops.runs (
    run_id              varchar primary key,  -- e.g. 20260130T180000-ab12 (UTC start time + suffix)
    trigger             varchar not null,     -- manual | schedule | catch-up
    job                 varchar,              -- schedule job name, null for manual runs
    status              varchar not null,     -- running | succeeded | failed | interrupted | crashed
    pid                 integer,
    started_at          timestamptz not null,
    finished_at         timestamptz,
    methodology_version varchar,
    year                integer,              -- report year rendered, null when none
    inputs              json,                 -- [{file, sha256, bytes, status, message}]
    row_counts          json,                 -- {"raw.registry": n, "mart.growth_index": n, ...}
    outputs             json,                 -- published paths
    error               varchar
);
