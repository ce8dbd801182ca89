-- model: staging.stg_registry
-- materialized: view
-- grain: one row per uscc per snapshot date (as_of; unique within a file by ingest). A snapshot lists the whole register, so when two
--   files carry the same snapshot date the later-ingested file replaces the earlier one as a whole.
-- depends_on: raw.registry, ops.ingest_log
with files as (
    -- The few distinct files first, then their log rows (joining every snapshot row to the log cost a scan's worth).
    select
        r.file_id,
        r.source_file,
        r.as_of,
        l.ingested_at,
    from (select distinct file_id, source_file, as_of from raw.registry) as r
    left join ops.ingest_log as l on r.file_id = l.sha256 and l.status = 'loaded'
),

current_files as (
    select file_id
    from files
    qualify row_number() over (partition by as_of order by ingested_at desc nulls last, source_file desc) = 1
),

final as (
    select r.*
    from raw.registry as r
    semi join current_files as f on r.file_id = f.file_id
)

select * from final
