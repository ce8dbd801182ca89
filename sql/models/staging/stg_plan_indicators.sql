-- model: staging.stg_plan_indicators
-- materialized: view
-- grain: one row per year per quarter (NULL = the whole year) per region per plan indicator: the reported
--   value; when several files report the same key, the latest-ingested one counts (data-contract §3, §5)
-- depends_on: raw.plan_indicators, ops.ingest_log
with ranked as (
    select
        p.*,
        row_number() over (
            partition by p.year, p.quarter, p.region_code, p.indicator_no
            order by l.ingested_at desc, p.source_file desc, p.source_line
        ) as rn,
    from raw.plan_indicators as p
    left join ops.ingest_log as l on p.file_id = l.sha256 and l.status = 'loaded'
),

final as (
    select * exclude (rn) from ranked where rn = 1
)

select * from final
