-- Identity: each total is Σ w·m / Σ w over its available modules (weights renormalised), recomputed here with
-- plain sums rather than the weighted_mean macro; and it is missing exactly when no module is available.
with recomputed as (
    select
        s.index_name,
        s.methodology_version,
        s.year,
        s.region_code,
        s.priority_industry,
        sum(s.value * w.weight) / sum(w.weight) as total,
    from intermediate.index_scores as s
    inner join mart.index_meta as w
        on s.methodology_version = w.methodology_version and s.index_name = w."index" and s.code = w.code
    where s.level = 'module' and s.value is not null
    group by all
),

totals as (
    select
        index_name,
        methodology_version,
        year,
        region_code,
        priority_industry,
        value,
    from intermediate.index_scores
    where level = 'total'
)

select t.index_name, t.methodology_version, t.year, t.region_code, t.priority_industry, t.value, r.total,
from totals as t
left join recomputed as r
    on t.index_name = r.index_name
    and t.methodology_version = r.methodology_version
    and t.year = r.year
    and t.region_code = r.region_code
    and t.priority_industry is not distinct from r.priority_industry
where coalesce(abs(t.value - r.total) > 1e-9 * greatest(1, abs(r.total)), t.value is not null or r.total is not null)
