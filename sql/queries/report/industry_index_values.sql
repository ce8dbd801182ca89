-- One index mart per 八大万亿产业 (mart.growth_index_by_industry or mart.vitality_index_by_industry: the table
-- placeholder, a quoted identifier), every version and year. Grain: version, year, region, industry, level, code.
select
    methodology_version,
    year::integer as year,
    region_code,
    priority_industry,
    level,
    code,
    raw_value::double as raw_value,
    value::double as value,
    dropped_reason,
    n_enterprises::integer as n_enterprises,
from {{table}}
order by methodology_version, year, region_code, priority_industry, level, code
