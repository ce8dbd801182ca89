-- The past months the latest snapshot moved (mart.monthly_flow_revisions), from $from_month to $to_month, with
-- whether the older snapshot's month held a count of 1..$min − 1 anywhere in the same month and metric: then the
-- bulletin of that snapshot withheld cells of the group (primary or complement) and its old values stay "—".
select
    r.region_code,
    g.name_zh as region_zh,
    r.month,
    r.metric,
    m.name_zh as metric_zh,
    r.old_value::integer as old_value,
    r.new_value::integer as new_value,
    strftime(r.old_as_of, '%Y-%m-%d') as old_as_of,
    exists (
        select 1
        from mart.monthly_flow_vintages as v
        where v.vintage = r.old_as_of and v.month = r.month and v.metric = r.metric
            and v.value between 1 and $min - 1
    ) as old_group_small,
from mart.monthly_flow_revisions as r
inner join ref.regions as g on r.region_code = g.region_code
inner join ref.monitor_metrics as m on r.metric = m.metric
where r.new_as_of = (select max(as_of) from mart.monthly_flows)
    and r.month between $from_month and $to_month
order by r.month, m.sort_order, g.level = 'county', r.region_code
