-- The industry slices (region/industry, as INDUSTRY_MARTS names them) one methodology version publishes: the city's,
-- and the counties' when its industry_slices.county_by_industry is set (methodology §8), for the engine comparison.
select distinct
    i.region_code || '/' || i.priority_industry as slice,
from mart.index_inputs_by_industry as i
inner join ref.regions as r on i.region_code = r.region_code
inner join mart.methodology_industry_slices as s on s.methodology_version = $version
where r.level = 'city' or s.county_by_industry
order by slice
