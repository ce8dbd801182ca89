-- Identity: each module is Σ w·I / Σ w over its available indicators (weights renormalised), recomputed with
-- plain sums; it is missing exactly when none of its indicators is available.
with recomputed as (
    select
        s.index_name,
        s.methodology_version,
        s.year,
        s.region_code,
        s.priority_industry,
        w.parent as code,
        sum(s.value * w.weight) / sum(w.weight) as module_value,
    from intermediate.index_scores as s
    inner join mart.index_meta as w
        on s.methodology_version = w.methodology_version and s.index_name = w."index" and s.code = w.code
    where s.level = 'indicator' and s.value is not null
    group by all
),

modules as (
    select
        index_name,
        methodology_version,
        year,
        region_code,
        priority_industry,
        code,
        value,
    from intermediate.index_scores
    where level = 'module'
)

select m.index_name, m.methodology_version, m.year, m.region_code, m.priority_industry, m.code, m.value,
    r.module_value,
from modules as m
left join recomputed as r
    on m.index_name = r.index_name
    and m.methodology_version = r.methodology_version
    and m.year = r.year
    and m.region_code = r.region_code
    and m.priority_industry is not distinct from r.priority_industry
    and m.code = r.code
where coalesce(
    abs(m.value - r.module_value) > 1e-9 * greatest(1, abs(r.module_value)),
    m.value is not null or r.module_value is not null
)
