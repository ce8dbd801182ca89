-- Default report date: the as_of of the latest ingested file for data up to the report year's
-- following year (NULL when nothing was ingested).
select strftime(max(as_of), '%Y-%m-%d') as as_of
from ops.ingest_log
where status = 'loaded' and as_of is not null and year(as_of) <= $year::integer + 1
