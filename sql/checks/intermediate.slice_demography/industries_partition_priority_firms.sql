-- Identity (methodology §8): a firm counts in at most one 八大万亿产业, so over the eight industry slices of a region
-- and year active, births, deaths and conversions add up to the region's small/micro firms that have a priority
-- industry (declared or proxy), counted here straight from mart.enterprise_year. Offending rows: where they do not.
with priority_firms as (
    select
        r.region_code,
        ey.year,
        count(*) filter (where ey.alive_end and ey.in_scope) as active,
        count(*) filter (where ey.is_birth and ey.in_scope) as births,
        count(*) filter (where ey.is_death and ey.in_scope) as deaths,
        count(*) filter (where ey.is_conversion and ey.in_scope) as conversions,
    from mart.enterprise_year as ey
    inner join staging.stg_region_rollup as r on ey.county_code = r.county_code
    where ey.priority_industry is not null
    group by r.region_code, ey.year
),

industries as (
    select
        region_code,
        year,
        sum(active) as active,
        sum(births) as births,
        sum(deaths) as deaths,
        sum(conversions) as conversions,
    from intermediate.slice_demography
    where priority_industry is not null
    group by region_code, year
)

select
    i.region_code,
    i.year,
    i.active as industries_active,
    p.active as priority_firms_active,
from industries as i
left join priority_firms as p on i.region_code = p.region_code and i.year = p.year
where i.active <> coalesce(p.active, 0)
    or i.births <> coalesce(p.births, 0)
    or i.deaths <> coalesce(p.deaths, 0)
    or i.conversions <> coalesce(p.conversions, 0)
