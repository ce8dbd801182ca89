-- Years to 小升规 (n, quartiles) of every region and year, for the publication layer.
select year, region_code, n, p25, median, p75
from mart.upgrade_times
order by year, region_code
