-- One index mart (growth or vitality: the table placeholder, a quoted identifier) up to the report year,
-- one methodology version. Grain: version, year, region, level, code.
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
where methodology_version = $version and year <= $year
order by year, region_code, level, code
