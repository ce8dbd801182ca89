-- One row per successful build: its run id, methodology versions, timing and how many models and checks ran.
insert into ops.build_log
select
    $run_id,
    $versions,
    $started_at::timestamp,
    $finished_at::timestamp,
    $models,
    $checks,
    coalesce((select string_agg(sha256, ',' order by sha256) from ops.ingest_log where status = 'loaded'), '')
