-- What a build that swaps in saw (pipelines/models/decideBuildMode.ts reads it at the next build).
insert into ops.build_state
select
    $run_id,
    $sql_sha256,
    $methodology_sha256,
    $reference_sha256,
    (select max(r.as_of) from staging.stg_registry as r)
