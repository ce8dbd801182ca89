-- `xiaowei status`: files handled per kind and status (latest log row per file content).
select
    coalesce(kind, '-') as kind,
    status,
    count(*)::bigint as files,
    sum(rows_read)::bigint as rows_read,
    sum(rows_loaded)::bigint as rows_loaded,
    sum(rows_quarantined)::bigint as rows_quarantined,
    sum(rows_dropped)::bigint as rows_dropped,
    sum(rows_flagged)::bigint as rows_flagged
from ops.ingest_log
group by all
order by kind, status
