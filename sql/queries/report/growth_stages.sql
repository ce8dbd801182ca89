-- Growth-path stages (P0…P4) of every region and year, for the publication layer (aggregate, not enterprise-level).
select year, region_code, stage, enterprises
from mart.growth_stages
order by year, region_code, stage
