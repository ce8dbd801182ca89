-- model: staging.stg_registry
-- materialized: table
-- grain: one row per uscc per snapshot date (as_of); when two files carry the same snapshot date the
--   later-ingested file wins (a corrected re-extract replaces the earlier one)
-- depends_on: raw.registry
with ranked as (
    select
        r.*,
        row_number() over (
            partition by r.uscc, r.as_of
            order by l.ingested_at desc, r.source_file desc, r.source_line
        ) as rn,
    from raw.registry as r
    left join ops.ingest_log as l on r.file_id = l.sha256 and l.status = 'loaded'
),

final as (
    select * exclude (rn)
    from ranked
    where rn = 1
)

select * from final
