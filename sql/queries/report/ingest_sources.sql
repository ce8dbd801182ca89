-- Data appendix: every ingested file, its hash and row counts. Grain: one row per ingest_log entry.
select
    file,
    sha256,
    coalesce(kind, '') as kind,
    coalesce(format, '') as format,
    coalesce(encoding, '') as encoding,
    coalesce(strftime(as_of, '%Y-%m-%d'), '') as as_of,
    rows_read::integer as rows_read,
    rows_loaded::integer as rows_loaded,
    rows_quarantined::integer as rows_quarantined,
    rows_dropped::integer as rows_dropped,
    status,
    coalesce(run_id, '') as run_id
from ops.ingest_log
order by ingested_at, file
