-- The flows against expectation of the months from $from_month to $to_month, per metric and region (city first),
-- for the bulletin's tables and charts and `xiaowei monitor`.
select
    e.month,
    e.metric,
    m.name_zh as metric_zh,
    m.unit_zh,
    e.region_code,
    r.name_zh as region_zh,
    r.level as region_level,
    e.observed::integer as observed,
    e.expected,
    e.lower,
    e.upper,
    e.years_used,
    e.direction,
    e.severity,
    e.is_partial,
from mart.monthly_expected as e
inner join ref.monitor_metrics as m on e.metric = m.metric
inner join ref.regions as r on e.region_code = r.region_code
where e.methodology_version = $version and e.month between $from_month and $to_month
order by m.sort_order, r.level = 'county', e.region_code, e.month
