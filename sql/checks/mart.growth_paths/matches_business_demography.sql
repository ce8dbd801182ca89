-- Identity (methodology §9): 个转企 and 小升规 of every region and year equal mart.business_demography's
-- conversions and upgrades exactly (upgrades are unknown in the first data year in both). Offending rows: the
-- cells that differ or exist on one side only.
with paths as (
    select
        year,
        region_code,
        flow,
        enterprises,
    from mart.growth_paths
    where flow in ('个转企', '小升规')
),

demography as (
    select year, region_code, '个转企' as flow, conversions as enterprises from mart.business_demography
    union all
    select year, region_code, '小升规' as flow, upgrades as enterprises from mart.business_demography
)

select
    coalesce(p.year, d.year) as year,
    coalesce(p.region_code, d.region_code) as region_code,
    coalesce(p.flow, d.flow) as flow,
    p.enterprises as growth_paths_value,
    d.enterprises as business_demography_value,
from paths as p
full join demography as d on p.year = d.year and p.region_code = d.region_code and p.flow = d.flow
where p.year is null or d.year is null or p.enterprises is distinct from d.enterprises
