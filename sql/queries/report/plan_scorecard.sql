-- "8631" scorecard rows up to the end of the report year. Grain: period end, region, indicator.
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
where methodology_version = $version and period_end <= make_date($year::integer, 12, 31)
order by period_end, region_code, indicator_no
