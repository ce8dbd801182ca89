-- model: intermediate.slice_enterprise_year
-- materialized: view
-- grain: one row per enterprise per year per slice it counts in. A slice is a region (city or county, by the
--   firm's county at the end of t, staging.stg_region_rollup) and either all its enterprises (priority_industry
--   NULL) or one 八大万亿产业 (methodology §8: the firm's declared industry, else the proxy from its industry code,
--   staging.stg_entities). The demography and index inputs are computed once over this, for every slice.
-- depends_on: mart.enterprise_year, staging.stg_region_rollup
-- The join is written out in both branches: a CTE read twice is materialised whole (every column, ~3 M rows at
-- city scale) on each read of this view, where inlined branches let each reader scan only the columns it uses.
with final as (
    select
        ey.* exclude (priority_industry),
        ey.priority_industry as firm_priority_industry,
        r.region_code,
        null::varchar as priority_industry,
    from mart.enterprise_year as ey
    inner join staging.stg_region_rollup as r on ey.county_code = r.county_code
    union all
    select
        ey.* exclude (priority_industry),
        ey.priority_industry as firm_priority_industry,
        r.region_code,
        ey.priority_industry,
    from mart.enterprise_year as ey
    inner join staging.stg_region_rollup as r on ey.county_code = r.county_code
    where ey.priority_industry is not null
)

select * from final
