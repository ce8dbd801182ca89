-- County ranking on the "8631" scorecard at the end of one year.
select distinct
    s.region_code,
    r.name_zh,
    s.total_score,
    s.rank,
from mart.plan_scorecard as s
inner join ref.regions as r on s.region_code = r.region_code
where s.methodology_version = $version and s.period_end = make_date($year, 12, 31) and s.rank is not null
order by s.rank, s.region_code
