-- 1 row when the "8631" scorecard was computed at the end of quarter $quarter (YYYYQn; a year end is its Q4).
select 1 as scored
from mart.plan_scorecard
where methodology_version = $version
    and year(period_end) || 'Q' || quarter(period_end) = $quarter
limit 1
