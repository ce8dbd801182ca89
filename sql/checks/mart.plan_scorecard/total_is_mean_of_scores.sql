-- Identity: a region's total score is the equal-weight mean of its non-empty indicator scores.
select
    methodology_version,
    period_end,
    region_code,
    any_value(total_score) as total_score,
    avg(score) as mean_score,
from mart.plan_scorecard
group by methodology_version, period_end, region_code
having abs(coalesce(any_value(total_score), -1) - coalesce(avg(score), -1)) > 1e-9
