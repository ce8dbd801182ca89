-- Identity: every city count equals the sum over its counties plus firms registered at city level
-- (county code 330500), which count for the city only. Offending rows: years where it does not hold.
with city_level as (
    select
        year,
        count(*) filter (where alive_end and in_scope) as active,
        count(*) filter (where is_birth and in_scope) as births,
        count(*) filter (where is_death and in_scope) as deaths,
        count(*) filter (where is_conversion and in_scope) as conversions,
    from mart.enterprise_year
    where county_code = '330500'
    group by year
),

counties as (
    select
        d.year,
        sum(d.active) as active,
        sum(d.births) as births,
        sum(d.deaths) as deaths,
        sum(d.conversions) as conversions,
    from mart.business_demography as d
    inner join ref.regions as r on d.region_code = r.region_code and r.level = 'county'
    group by d.year
)

select
    c.year,
    city.active as city_active,
    c.active + coalesce(l.active, 0) as counties_plus_city_level_active,
from counties as c
inner join mart.business_demography as city on city.year = c.year and city.region_code = '330500'
left join city_level as l on l.year = c.year
where city.active <> c.active + coalesce(l.active, 0)
    or city.births <> c.births + coalesce(l.births, 0)
    or city.deaths <> c.deaths + coalesce(l.deaths, 0)
    or city.conversions <> c.conversions + coalesce(l.conversions, 0)
