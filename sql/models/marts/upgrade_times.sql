-- model: mart.upgrade_times
-- materialized: table
-- grain: one row per year per region (city and counties) from the second data year on: time to upgrade of the
--   firms making the 小升规 step in t (methodology §9) — whole years from establishment, or from 个转企 for a
--   converted firm, to t. n = those firms (the publication layer suppresses cells under its minimum);
--   p25, median, p75 are continuous quantiles (linear interpolation between order statistics), NULL when n = 0.
-- depends_on: mart.growth_path_enterprises, staging.stg_region_rollup, staging.stg_years, ref.regions
-- check unique: year, region_code
-- check not_null: year, region_code, n
-- check relationships: region_code -> ref.regions.region_code
-- check expression: quartiles_ordered: n = 0 or (p25 <= median and median <= p75)
-- check expression: quartiles_only_with_firms: (n = 0) = (median is null)
with upgrades as (
    select
        g.year,
        r.region_code,
        g.years_to_upgrade,
    from mart.growth_path_enterprises as g
    inner join staging.stg_region_rollup as r on g.county_code = r.county_code
    where g.is_upgrade
),

stats as (
    select
        year,
        region_code,
        count(*) as n,
        quantile_cont(years_to_upgrade, 0.25) as p25,
        quantile_cont(years_to_upgrade, 0.5) as median,
        quantile_cont(years_to_upgrade, 0.75) as p75,
    from upgrades
    group by year, region_code
),

frame as (
    select
        y.year,
        r.region_code,
    from staging.stg_years as y
    cross join ref.regions as r
    where r.level in ('city', 'county') and y.year > (select min(year) from staging.stg_years)
),

final as (
    select
        f.year,
        f.region_code,
        coalesce(s.n, 0)::integer as n,
        s.p25::double as p25,
        s.median::double as median,
        s.p75::double as p75,
    from frame as f
    left join stats as s on f.year = s.year and f.region_code = s.region_code
)

select * from final
order by year, region_code
