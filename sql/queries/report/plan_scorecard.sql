-- "8631" scorecard rows at year ends, every version (quarter ends are for monitoring, mart.alerts).
-- Grain: version, period end, region, indicator.
select
    methodology_version,
    strftime(period_end, '%Y-%m-%d') as period_end,
    region_code,
    indicator_no::integer as indicator_no,
    kind,
    actual::double as actual,
    target::double as target,
    completion::double as completion,
    expected::double as expected,
    score::double as score,
    status,
    total_score::double as total_score,
    rank::integer as rank
from mart.plan_scorecard
where period_type = 'year'
order by methodology_version, period_end, region_code, indicator_no
