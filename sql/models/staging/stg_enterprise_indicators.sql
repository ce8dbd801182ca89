-- model: staging.stg_enterprise_indicators
-- materialized: view
-- grain: one row per uscc per year; a later-ingested file's filing replaces an earlier one
-- depends_on: raw.enterprise_indicators, ops.ingest_log
with ranked as (
    select
        i.*,
        row_number() over (
            partition by i.uscc, i.year
            order by l.ingested_at desc, i.source_file desc, i.source_line
        ) as rn,
    from raw.enterprise_indicators as i
    left join ops.ingest_log as l on i.file_id = l.sha256 and l.status = 'loaded'
),

final as (
    select * exclude (rn)
    from ranked
    where rn = 1
)

select * from final
