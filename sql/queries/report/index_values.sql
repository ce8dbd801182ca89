-- One index mart (growth or vitality: the table placeholder, a quoted identifier), every version and year.
-- Grain: version, year, region, level, code.
select
    methodology_version,
    year::integer as year,
    region_code,
    level,
    code,
    raw_value::double as raw_value,
    value::double as value,
    dropped_reason,
    n_enterprises::integer as n_enterprises
from {{table}}
order by methodology_version, year, region_code, level, code
