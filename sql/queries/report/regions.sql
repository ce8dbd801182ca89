-- Regions shown in reports: the city and its districts/counties (a 区 is shown as a county).
-- One row per region; the city first.
select
    region_code,
    name_zh,
    case when parent_code is null or level = 'city' then 'city' else 'county' end as level
from ref.regions
order by case when parent_code is null or level = 'city' then 0 else 1 end, region_code
