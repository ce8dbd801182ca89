-- model: staging.stg_region_rollup
-- materialized: table
-- grain: one row per (registered county code, region it counts for): a county counts for itself and its
--   city; the city code (firms registered at city level) counts for the city only (data-contract §5).
-- depends_on: ref.regions
-- check unique: county_code, region_code
-- check relationships: region_code -> ref.regions.region_code
with self as (
    select
        region_code as county_code,
        region_code,
    from ref.regions
),

parent_city as (
    select
        c.region_code as county_code,
        c.parent_code as region_code,
    from ref.regions as c
    inner join ref.regions as p on c.parent_code = p.region_code
    where c.level = 'county'
),

final as (
    select * from self
    union all
    select * from parent_city
)

select * from final
