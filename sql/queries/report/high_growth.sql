-- High-growth enterprises and gazelles of every version, region, year and measure, for the publication layer.
select methodology_version, year, region_code, measure, base_population, hge, gazelles, share, jobs_created
from mart.high_growth
order by methodology_version, year, region_code, measure
