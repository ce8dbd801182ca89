-- Every alert of the highest methodology version, oldest period first: what a monitor job may notify.
select
    alert_id,
    severity,
    message_zh,
from mart.alerts
where methodology_version = (select max(methodology_version) from mart.alerts)
order by period, rule, region_code, metric
