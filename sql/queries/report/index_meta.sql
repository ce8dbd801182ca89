-- The methodology's index trees (modules and indicators with weights and input variables), every version,
-- in the methodology file's order. Grain: one row per version, index and code.
select
    methodology_version,
    "index",
    code,
    level,
    name_zh,
    parent,
    weight::double as weight,
    variable
from mart.index_meta
where level in ('module', 'indicator')
order by methodology_version, "index", sort_order
