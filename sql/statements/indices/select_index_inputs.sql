-- The input variables X of one index, per region and year (mart.index_inputs), for the engine.
select
    region_code,
    year,
    variable,
    value,
    n_enterprises,
from mart.index_inputs
where list_contains(string_split($variables, ','), variable)
order by region_code, year, variable
