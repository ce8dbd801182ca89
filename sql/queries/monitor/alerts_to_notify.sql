-- Every alert of the highest methodology version, oldest period first: what a monitor job may notify. The
-- columns of period_alerts.sql, so that a notification is worded by the publication rules like the bulletin.
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
left join ref.monitor_metrics as m on split_part(a.metric, '.', 1) = m.metric
where a.methodology_version = (select max(methodology_version) from mart.alerts)
order by a.period, a.rule, a.region_code, a.metric
