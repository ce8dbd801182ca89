-- Inputs the last build read that are gone or differ now (rows, contents, ingest time): a removed or replaced file.
select
    b.file_id,
    b.raw_table,
from ops.build_inputs as b
left join ops.build_inputs__next as n on b.file_id = n.file_id and b.raw_table = n.raw_table
where
    n.file_id is null
    or n.rows is distinct from b.rows
    or n.digest is distinct from b.digest
    or n.ingested_at is distinct from b.ingested_at
