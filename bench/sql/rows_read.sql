-- Input rows the ingest read (for rows/s).
select coalesce(sum(rows_read), 0)::bigint::double as rows_read from ops.ingest_log
