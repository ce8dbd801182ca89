-- Business demography, every year (methodology-independent, so no version filter): the publication layer
-- decides suppression over all years at once. BIGINT counts cast so JavaScript gets numbers, not bigint.
-- Grain: one row per region per year.
select
    year::integer as year,
    region_code,
    active::integer as active,
    births::integer as births,
    deaths::integer as deaths,
    conversions::integer as conversions,
    upgrades::integer as upgrades,
    birth_rate::double as birth_rate,
    death_rate::double as death_rate,
    survival_1y::double as survival_1y,
    survival_2y::double as survival_2y,
    survival_3y::double as survival_3y,
    opening_rate::double as opening_rate,
    cohort_1y::integer as cohort_1y,
    cohort_2y::integer as cohort_2y,
    cohort_3y::integer as cohort_3y,
    new_enterprises::integer as new_enterprises
from mart.business_demography
order by year, region_code
