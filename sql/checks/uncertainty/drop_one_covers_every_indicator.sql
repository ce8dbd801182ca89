-- Identity: every ranked county-year of every ranking has one drop-one row per indicator of its tree.
with expected as (
    select n.methodology_version, n.index_name, n.year, n.region_code, count(*) as indicators,
    from uncertainty_nominal as n
    inner join uncertainty_tree as t using (methodology_version, index_name)
    where t.level = 'indicator'
    group by all
),

found as (
    select methodology_version, index_name, year, region_code, count(*) as indicators,
    from mart.sensitivity_drop_one
    group by all
)

select e.*, f.indicators as found,
from expected as e
left join found as f using (methodology_version, index_name, year, region_code)
where f.indicators is distinct from e.indicators
