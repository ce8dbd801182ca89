-- What the last successful build saw, so the next one can tell whether building only what changed gives the
-- same warehouse as building everything (pipelines/models/decideBuildMode.ts). Replaced by every build that
-- swaps in, inside its transaction.
create table if not exists ops.build_state (
    run_id             varchar not null,
    sql_sha256         varchar not null,   -- every file below sql/ and the DuckDB version
    methodology_sha256 varchar not null,   -- the validated methodology files built
    reference_sha256   varchar not null,   -- the contents of the ref and config tables
    registry_as_of     date                -- the latest registry snapshot read (null: none)
);

-- One row per loaded input file and raw table at that build: what was read, to prove nothing was removed or
-- replaced since.
create table if not exists ops.build_inputs (
    file_id     varchar not null,
    ingested_at timestamp,
    raw_table   varchar not null,
    rows        bigint not null,
    digest      varchar not null    -- sum of the rows' hashes (statements/incremental/inputs_now.sql)
);
