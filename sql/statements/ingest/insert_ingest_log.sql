-- One ops.ingest_log row per file handled by `xiaowei ingest` (loaded, rejected or skipped as a duplicate).
insert into ops.ingest_log (
    file, sha256, kind, format, encoding, as_of, rows_read, rows_loaded, rows_quarantined, rows_dropped,
    rows_flagged, status, message, run_id, ingested_at
)
values (
    $file, $sha256, nullif($kind, ''), nullif($format, ''), nullif($encoding, ''), nullif($as_of, '')::date,
    $rows_read::bigint, $rows_loaded::bigint, $rows_quarantined::bigint, $rows_dropped::bigint,
    $rows_flagged::bigint, $status, $message, nullif($run_id, ''), $ingested_at::timestamp
)
