-- Identity: each total is the weighted mean of its available modules (weights renormalised).
with modules as (
    select
        'growth' as index_name, i.methodology_version, i.year, i.region_code, i.code, i.value,
    from mart.growth_index as i where i.level = 'module'
    union all
    select
        'vitality' as index_name, i.methodology_version, i.year, i.region_code, i.code, i.value,
    from mart.vitality_index as i where i.level = 'module'
),

recomputed as (
    select
        m.index_name,
        m.methodology_version,
        m.year,
        m.region_code,
        sum(m.value * w.weight) / sum(w.weight) as total,
    from modules as m
    inner join mart.index_meta as w
        on w.methodology_version = m.methodology_version and w."index" = m.index_name and w.code = m.code
    where m.value is not null
    group by all
),

totals as (
    select 'growth' as index_name, * from mart.growth_index where level = 'total'
    union all
    select 'vitality' as index_name, * from mart.vitality_index where level = 'total'
)

select t.index_name, t.methodology_version, t.year, t.region_code, t.value, r.total,
from totals as t
left join recomputed as r using (index_name, methodology_version, year, region_code)
where coalesce(abs(t.value - r.total) > 1e-9 * greatest(1, abs(r.total)), t.value is not null or r.total is not null)
