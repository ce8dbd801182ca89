-- Identity: stage P1 (small/micro enterprises alive at the end of t) is mart.business_demography's active
-- population, region by region and year by year. Offending rows: the cells that differ.
select
    s.year,
    s.region_code,
    s.enterprises as p1,
    d.active,
from mart.growth_stages as s
full join mart.business_demography as d on s.year = d.year and s.region_code = d.region_code
where (s.stage = 'P1' or s.stage is null) and s.enterprises is distinct from d.active
