-- One index mart ({{table}}, a quoted identifier) as the engine comparison reads it; {{slice}} names a slice as
-- in index_inputs.sql.
select
    methodology_version,
    year::integer as year,
    {{slice}} as slice,
    level,
    code,
    raw_value,
    value,
    dropped_reason,
    n_enterprises,
from {{table}}
order by methodology_version, year, slice, level, code
