-- model: staging.stg_registry
-- materialized: view
-- grain: one row per uscc per snapshot date (as_of; unique within a file by ingest). A snapshot lists the whole register, so when two
--   files carry the same snapshot date the later-ingested file replaces the earlier one as a whole.
-- depends_on: raw.registry, ops.ingest_log
with files as (
    select distinct
        r.file_id,
        r.source_file,
        r.as_of,
        l.ingested_at,
    from raw.registry as r
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
