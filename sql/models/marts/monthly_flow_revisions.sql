-- model: mart.monthly_flow_revisions
-- materialized: table
-- grain: one row per pair of consecutive snapshots per region per month per metric whose count the later
--   snapshot moved (methodology §6 and §10): old and new value with both snapshot dates. A month that was
--   partial in the older snapshot is completed, not revised, and is left out.
-- depends_on: mart.monthly_flow_vintages
-- check unique: new_as_of, region_code, month, metric
-- check not_null: region_code, month, metric, old_value, new_value, old_as_of, new_as_of
-- check expression: values_differ: old_value <> new_value
with final as (
    select
        n.region_code,
        n.month,
        n.metric,
        o.value as old_value,
        n.value as new_value,
        n.value - o.value as change,
        o.vintage as old_as_of,
        n.vintage as new_as_of,
    from mart.monthly_flow_vintages as n
    inner join mart.monthly_flow_vintages as o
        on o.vintage = n.previous_vintage
        and o.region_code = n.region_code
        and o.month = n.month
        and o.metric = n.metric
    where not o.is_partial and o.value <> n.value
)

select * from final
order by new_as_of, region_code, month, metric
