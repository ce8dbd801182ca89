-- The alerts of one month, of the quarter and of the year that end with it, most severe first.
select
    alert_id,
    rule,
    region_code,
    period,
    metric,
    severity,
    message_zh,
    first_seen_run,
from mart.alerts
where methodology_version = $version and period in ($month, $quarter, $year)
order by severity = '预警' desc, rule, region_code, metric
