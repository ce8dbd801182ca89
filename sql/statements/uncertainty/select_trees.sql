-- The aggregation trees to perturb: each module followed by its indicators, in the methodology's order.
select
    t.methodology_version,
    t.index_name,
    t.code,
    t.level,
    t.weight,
from uncertainty_tree as t
left join uncertainty_tree as m
    on t.level = 'indicator' and m.methodology_version = t.methodology_version
    and m.index_name = t.index_name and m.code = t.parent
order by
    t.methodology_version,
    t.index_name,
    coalesce(m.sort_order, t.sort_order),
    t.level = 'indicator',
    t.sort_order
