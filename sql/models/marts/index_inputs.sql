-- model: mart.index_inputs
-- materialized: table
-- grain: one row per region per year per input variable X of the indices (methodology §3, §4, §7), with
--   the number of enterprises the value is built from (publication rule: fewer than 3 ⇒ not shown).
--   Computed in intermediate.slice_index_inputs (sql/models/intermediate/slice_index_inputs.sql) for every
--   slice; this is its region slice (all the region's enterprises).
-- depends_on: intermediate.slice_index_inputs
-- check unique: year, region_code, variable
-- check not_null: year, region_code, variable
with final as (
    select
        year,
        region_code,
        variable,
        value,
        n_enterprises,
    from intermediate.slice_index_inputs
    where priority_industry is null
)

select * from final
order by year, region_code, variable
