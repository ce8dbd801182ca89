-- The alerts of one month, of the quarter and of the year given, most severe first, with what their sentences
-- print (the bulletin re-words a monthly alert whose observed count the publication rules withhold).
-- With $all_periods: every alert, oldest period first — what a monitor job may notify; an empty $version then
-- means the highest methodology version.
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
    a.methodology_version,
from mart.alerts as a
inner join ref.regions as r on a.region_code = r.region_code
-- Monthly metrics by name, annual ones by their index (growth.total → growth); quarterly plan_NN match none.
left join ref.monitor_metrics as m on split_part(a.metric, '.', 1) = m.metric
where
    a.methodology_version = coalesce(nullif($version, ''), (select max(methodology_version) from mart.alerts))
    and ($all_periods or a.period in ($month, $quarter, $year))
order by case when $all_periods then a.period end, a.severity = '预警' desc, a.rule, a.region_code, a.metric
