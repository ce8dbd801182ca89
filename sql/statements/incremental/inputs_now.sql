-- Every loaded input file as the raw tables hold it now: its rows per raw table, a digest of their contents (a sum
-- of row hashes: any row changed, added or removed changes it) and when it was ingested. Kept aside for the
-- build to compare with what the last build read and to record.
create table ops.build_inputs__next as
with counted as (
    select
        file_id,
        'registry' as raw_table,
        count(*) as rows,
        sum(hash(r))::varchar as digest,
    from raw.registry as r
    group by file_id
    union all
    select
        file_id,
        'enterprise_indicators' as raw_table,
        count(*) as rows,
        sum(hash(r))::varchar as digest,
    from raw.enterprise_indicators as r
    group by file_id
    union all
    select
        file_id,
        'plan_indicators' as raw_table,
        count(*) as rows,
        sum(hash(r))::varchar as digest,
    from raw.plan_indicators as r
    group by file_id
),

logged as (
    select
        sha256 as file_id,
        max(ingested_at) as ingested_at,
    from ops.ingest_log
    where status = 'loaded'
    group by sha256
),

final as (
    select
        c.file_id,
        l.ingested_at,
        c.raw_table,
        c.rows,
        c.digest,
    from counted as c
    left join logged as l on c.file_id = l.file_id
)

select * from final
