-- model: staging.stg_enterprise_indicators
-- materialized: view
-- grain: one row per uscc per year; a later-ingested file's filing replaces an earlier one
-- depends_on: raw.enterprise_indicators, ops.ingest_log
--
-- Nearly every firm-year is filed once and passes straight through; only firm-years filed more than once are
-- ranked (ranking every filing cost a sort of the whole table on every read of this view). The few keys filed
-- twice are what the joins hash, not the 800k filed once (uscc and year are NOT NULL in raw).
with refiled as (
    select
        uscc,
        year,
    from raw.enterprise_indicators
    group by uscc, year
    having count(*) > 1
),

filed_once as (
    select i.*
    from raw.enterprise_indicators as i
    anti join refiled as f on i.uscc = f.uscc and i.year = f.year
),

ranked as (
    select
        i.*,
        row_number() over (
            partition by i.uscc, i.year
            order by l.ingested_at desc, i.source_file desc, i.source_line
        ) as rn,
    from raw.enterprise_indicators as i
    semi join refiled as f on i.uscc = f.uscc and i.year = f.year
    left join ops.ingest_log as l on i.file_id = l.sha256 and l.status = 'loaded'
),

final as (
    select * from filed_once
    union all
    select * exclude (rn) from ranked where rn = 1
)

select * from final
