-- The earlier successful load of the same content, if any (content hash = sha256 of the file's bytes).
select file, ingested_at::varchar as ingested_at
from ops.ingest_log
where sha256 = $sha256 and status = 'loaded'
order by ingested_at
limit 1
