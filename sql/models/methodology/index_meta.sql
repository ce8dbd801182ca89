-- model: mart.index_meta
-- materialized: table
-- grain: one row per methodology version per index (growth, vitality) per module or indicator: names,
--   parent module, weight, direction and input variable (mart.index_inputs.variable), in the file's order.
--   Published from config.index_meta, which the build writes from config/methodology/*.json (exactly the versions
--   being built), so the parameters swap in with the numbers computed from them.
-- depends_on: config.index_meta
-- check unique: methodology_version, index, code
-- check not_null: methodology_version, index, code
-- check accepted_values: level in ('module','indicator')
with final as (
    select * from config.index_meta
)

select * from final
order by methodology_version, "index", sort_order
