-- One row per pipeline run (xiaowei run / schedule): what it read, counted and wrote, and how it ended.
insert into ops.runs (
    run_id, trigger, job, status, pid, started_at, finished_at, methodology_version, year,
    inputs, row_counts, outputs, error
)
values (
    $run_id, $trigger, $job, $status, $pid, $started_at::timestamptz, $finished_at::timestamptz,
    $methodology_version, $year, $inputs::json, $row_counts::json, $outputs::json, $error
);
