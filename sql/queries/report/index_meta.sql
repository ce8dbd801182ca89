-- The methodology's index tree (modules and indicators with weights), in the methodology file's order.
-- Grain: one row per index and code.
select
    "index",
    code,
    level,
    name_zh,
    parent,
    weight::double as weight
from mart.index_meta
where methodology_version = $version and level in ('module', 'indicator')
order by "index", sort_order
