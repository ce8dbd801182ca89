-- The input variables X of the indices, per slice and year, for the engine (pipelines/engine) to recompute the
-- index marts independently. {{inputs}}: mart.index_inputs or mart.index_inputs_by_industry; {{slice}}: the
-- expression naming a slice (the region, or region/industry).
select
    {{slice}} as slice,
    year,
    variable,
    value,
    n_enterprises,
from {{inputs}}
order by slice, year, variable
