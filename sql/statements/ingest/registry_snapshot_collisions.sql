-- Extract dates this registry file carries that another loaded file already holds (stg_registry keeps one file
-- per date: the one ingested last). For each: the file that holds it, its rows, this file's rows and how many
-- rows differ either way. A snapshot is the whole register on its date, so it may only be loaded again
-- unchanged (ingestFile.ts refuses a differing one). Grain: one row per colliding date.
with new_rows as (
    select
        as_of_on as as_of, uscc, uscc_check_ok, name, entity_type, established_on_d as established_on, status,
        closed_on_d as closed_on, county_code, industry_code_u as industry_code, registered_capital_wan,
        converted_b as converted, converted_on_d as converted_on, previous_uscc, priority_industry,
    from _xw_checked
    where outcome = 'loaded'
),

holders as (
    select
        r.as_of,
        r.file_id,
        any_value(r.source_file) as source_file,
        max(l.ingested_at) as ingested_at,
    from raw.registry as r
    left join ops.ingest_log as l on r.file_id = l.sha256 and l.status = 'loaded'
    where r.as_of in (select distinct n.as_of from new_rows as n)
    group by r.as_of, r.file_id
    qualify row_number() over (partition by r.as_of order by max(l.ingested_at) desc nulls last, any_value(r.source_file) desc) = 1
),

old_rows as (
    select
        r.as_of, r.uscc, r.uscc_check_ok, r.name, r.entity_type, r.established_on, r.status, r.closed_on,
        r.county_code, r.industry_code, r.registered_capital_wan, r.converted, r.converted_on, r.previous_uscc,
        r.priority_industry,
    from raw.registry as r
    semi join holders as h on r.file_id = h.file_id and r.as_of = h.as_of
),

colliding_new as (
    select n.* from new_rows as n semi join holders as h on n.as_of = h.as_of
),

differing as (
    (select * from colliding_new except select * from old_rows)
    union all
    (select * from old_rows except select * from colliding_new)
),

final as (
    select
        h.as_of::varchar as as_of,
        h.source_file,
        (select count(*) from old_rows as o where o.as_of = h.as_of)::integer as old_rows,
        (select count(*) from colliding_new as n where n.as_of = h.as_of)::integer as new_rows,
        (select count(*) from differing as d where d.as_of = h.as_of)::integer as differing,
    from holders as h
)

select * from final
order by as_of
