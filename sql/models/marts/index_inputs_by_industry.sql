-- model: mart.index_inputs_by_industry
-- materialized: table
-- grain: one row per region (city and counties) per 八大万亿产业 per year per input variable X of the indices
--   (methodology §8), over the small/micro enterprises of the region whose priority industry is that one
--   (declared, else the proxy of ref.priority_industry_proxy). Plan inputs and the priority-industry share are
--   NULL here (not defined for an industry). Computed in intermediate.slice_index_inputs
--   (sql/models/intermediate/slice_index_inputs.sql); this is its industry slice.
-- depends_on: intermediate.slice_index_inputs
-- check unique: year, region_code, priority_industry, variable
-- check not_null: year, region_code, priority_industry, variable
-- check relationships: priority_industry -> ref.priority_industries.priority_industry
with final as (
    select
        year,
        region_code,
        priority_industry,
        variable,
        value,
        n_enterprises,
    from intermediate.slice_index_inputs
    where priority_industry is not null
)

select * from final
order by year, region_code, priority_industry, variable
