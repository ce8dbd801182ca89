-- Identity: in the base year every available index value (indicator, module, total) is exactly 100.
select
    'growth' as index_name, i.*
from mart.growth_index as i
inner join mart.methodology as m on i.methodology_version = m.methodology_version
where i.year = m.base_year and i.value is not null and abs(i.value - 100) > 1e-9
union all
select
    'vitality' as index_name, i.*
from mart.vitality_index as i
inner join mart.methodology as m on i.methodology_version = m.methodology_version
where i.year = m.base_year and i.value is not null and abs(i.value - 100) > 1e-9
