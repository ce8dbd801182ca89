-- Remembers the run that first raised each alert (after mart.alerts is built); existing ids keep their run.
insert into ops.alert_first_seen
select
    alert_id,
    min(first_seen_run) as first_seen_run,
from mart.alerts
where alert_id not in (select alert_id from ops.alert_first_seen)
group by alert_id
