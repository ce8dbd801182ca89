-- Every published number in long form: the indices (per methodology version) and business demography.
-- Used twice per build: saved before the marts are rebuilt, and read again after, to find revisions.
select
    'growth_index' as table_name, methodology_version, year, region_code, level || ':' || code as measure, value,
from mart.growth_index
union all
select
    'vitality_index', methodology_version, year, region_code, level || ':' || code, value,
from mart.vitality_index
union all
select
    'business_demography', '', d.year, d.region_code, m.measure, m.value,
from mart.business_demography as d,
    lateral (values
        ('active', d.active::double), ('births', d.births::double), ('deaths', d.deaths::double),
        ('conversions', d.conversions::double), ('upgrades', d.upgrades::double),
        ('birth_rate', d.birth_rate), ('death_rate', d.death_rate),
        ('survival_1y', d.survival_1y), ('survival_2y', d.survival_2y), ('survival_3y', d.survival_3y),
        ('opening_rate', d.opening_rate)
    ) as m (measure, value)
