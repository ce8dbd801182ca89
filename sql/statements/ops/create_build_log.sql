-- One row per successful `xiaowei build`: which methodology versions, from which loaded inputs.
create table if not exists ops.build_log (
    run_id               varchar not null,
    methodology_versions varchar not null,   -- comma-separated
    started_at           timestamp not null,
    finished_at          timestamp not null,
    models               integer not null,
    checks               integer not null,
    input_hashes         varchar not null    -- sha256 of every loaded input file, sorted, comma-separated
);
