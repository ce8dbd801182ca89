-- One methodology version's index trees (mart.index_meta) and base year, for the engine to recompute the index
-- marts from the same definitions the SQL models read.
select
    m."index" as index_name,
    m.code,
    m.level,
    m.parent,
    m.weight,
    m.direction,
    m.variable,
    v.base_year,
from mart.index_meta as m
inner join mart.methodology as v on m.methodology_version = v.methodology_version
where m.methodology_version = $version
order by m."index", m.sort_order
