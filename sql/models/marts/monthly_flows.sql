-- model: mart.monthly_flows
-- materialized: table
-- grain: one row per region (city 330500 and the counties) per covered month (YYYY-MM) per metric: the monthly
--   flows of methodology §10 as the latest snapshot tells them (enterprise metrics over all §1 enterprise types,
--   not size-scoped, labelled 企业). is_partial marks the latest snapshot's month unless it is dated on the
--   month's last day: shown, never alerted on. previous_value is the same cell as the snapshot before told it
--   (NULL where that snapshot did not cover the month); a change there is a revision (mart.monthly_flow_revisions).
-- depends_on: mart.monthly_flow_vintages
-- check unique: region_code, month, metric
-- check not_null: region_code, month, metric, value, is_partial, as_of
-- check accepted_values: metric in ('births','deaths_cancelled','deaths_revoked','conversions','indiv_births','indiv_deaths')
-- check relationships: region_code -> ref.regions.region_code
with latest as (
    select
        vintage,
        previous_vintage,
        region_code,
        month,
        metric,
        value,
        is_partial,
    from mart.monthly_flow_vintages
    where vintage = (select max(vintage) from mart.monthly_flow_vintages)
),

final as (
    select
        n.region_code,
        n.month,
        n.metric,
        n.value,
        n.is_partial,
        n.vintage as as_of,
        p.value as previous_value,
        p.is_partial as previous_is_partial,
        n.previous_vintage as previous_as_of,
    from latest as n
    left join mart.monthly_flow_vintages as p
        on p.vintage = n.previous_vintage
        and p.region_code = n.region_code
        and p.month = n.month
        and p.metric = n.metric
)

select * from final
order by region_code, month, metric
