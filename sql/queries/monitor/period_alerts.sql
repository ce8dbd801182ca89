-- The alerts of one month, of the quarter and of the year given, most severe first, with what their sentences
-- print (the bulletin re-words a monthly alert whose observed count the publication rules withhold).
select
    a.alert_id,
    a.rule,
    a.region_code,
    r.name_zh as region_zh,
    a.period,
    a.metric,
    m.name_zh as metric_zh,
    m.unit_zh,
    a.observed,
    a.expected,
    a.lower,
    a.upper,
    a.severity,
    a.message_zh,
    a.first_seen_run,
from mart.alerts as a
inner join ref.regions as r on a.region_code = r.region_code
-- Monthly metrics by name, annual ones by their index (growth.total → growth); quarterly plan_NN match none.
left join ref.monitor_metrics as m on split_part(a.metric, '.', 1) = m.metric
where a.methodology_version = $version and a.period in ($month, $quarter, $year)
order by a.severity = '预警' desc, a.rule, a.region_code, a.metric
