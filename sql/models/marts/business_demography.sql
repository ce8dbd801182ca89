-- model: mart.business_demography
-- materialized: table
-- grain: one row per region (city and counties) per year; counts over small/micro enterprises
--   (methodology §2, §7). Rates: birth/death per 100 active; survival and opening rate as fractions.
--   Computed in intermediate.slice_demography (sql/models/intermediate/slice_demography.sql) for every slice;
--   this is its region slice (all the region's enterprises).
-- depends_on: intermediate.slice_demography, mart.enterprise_year, ref.regions
-- check unique: year, region_code
-- check not_null: year, region_code, active, births, deaths, conversions
-- check relationships: region_code -> ref.regions.region_code
with final as (
    select * exclude (priority_industry)
    from intermediate.slice_demography
    where priority_industry is null
)

select * from final
order by year, region_code
