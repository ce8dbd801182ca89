-- xiaowei's growth index as the benchmark compares it with the peers (one methodology version).
select
    year::integer as year,
    region_code,
    code,
    raw_value,
    value,
from mart.growth_index
where methodology_version = $version
order by year, region_code, level, code
