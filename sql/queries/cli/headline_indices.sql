-- City index values of one year: totals and modules of both indices, with last year's value.
select
    i.index_name,
    i.code,
    i.level,
    coalesce(m.name_zh, '总指数') as name_zh,
    i.value,
    p.value as previous_value,
from (
    select 'growth' as index_name, * from mart.growth_index
    union all
    select 'vitality' as index_name, * from mart.vitality_index
) as i
left join (
    select 'growth' as index_name, * from mart.growth_index
    union all
    select 'vitality' as index_name, * from mart.vitality_index
) as p
    on p.index_name = i.index_name and p.code = i.code and p.region_code = i.region_code
    and p.methodology_version = i.methodology_version and p.year = i.year - 1
left join mart.index_meta as m
    on m.methodology_version = i.methodology_version and m."index" = i.index_name and m.code = i.code
where i.methodology_version = $version and i.year = $year and i.region_code = $region
    and i.level in ('total', 'module')
order by i.index_name, i.level = 'module', i.code
