-- model: staging.stg_entities
-- materialized: table
-- grain: one row per uscc: its fixed attributes from its latest snapshot (data-contract §5), plus when it
--   first showed 迁出 (moved out of the city: out of the active population from then on, not a death)
-- depends_on: staging.stg_registry_history, ref.entity_types, ref.priority_industry_proxy, ref.gbt4754_divisions
-- check unique: uscc
-- check not_null: uscc, established_on, is_enterprise
-- check expression: closed_not_before_established: closed_on is null or closed_on >= established_on
with latest as (
    -- The current state carries the latest snapshot's attributes; last_seen_on is that snapshot's date.
    select
        *,
        last_seen_on as as_of,
    from staging.stg_registry_history
    where is_current
),

moved_out as (
    select
        uscc,
        min(valid_from) as moved_out_on,
    from staging.stg_registry_history
    where status = '迁出'
    group by uscc
),

final as (
    select
        l.uscc,
        l.name,
        l.entity_type,
        -- Types missing from ref.entity_types fall back to the USCC's 机构类别 (sql/macros/entity_class.sql).
        is_enterprise_type(t.is_enterprise, l.entity_type, l.uscc) as is_enterprise,
        l.established_on,
        l.closed_on,
        coalesce(l.converted, false) as is_converted,
        -- A conversion without its own date took effect when the new enterprise was established.
        case when coalesce(l.converted, false) then coalesce(l.converted_on, l.established_on) end as converted_on,
        l.previous_uscc,
        l.industry_division,
        d.size_group,
        d.above_scale_group,
        -- Declared wins (无 = declared none); only an undeclared firm falls back to the labelled proxy.
        case
            when l.priority_industry is null then p.priority_industry
            when l.priority_industry = '无' then null
            else l.priority_industry
        end as priority_industry,
        l.priority_industry is null and p.priority_industry is not null as priority_is_proxy,
        m.moved_out_on,
        l.as_of as last_snapshot_on,
    from latest as l
    left join ref.entity_types as t on l.entity_type = t.entity_type
    left join ref.gbt4754_divisions as d on l.industry_division = d.division
    left join ref.priority_industry_proxy as p on l.industry_division = p.division
    left join moved_out as m on l.uscc = m.uscc
)

select * from final
