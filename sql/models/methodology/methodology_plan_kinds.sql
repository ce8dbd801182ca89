-- model: mart.methodology_plan_kinds
-- materialized: table
-- grain: one row per methodology version per plan indicator (1–19): its kind (stock, annual,
--   cumulative; methodology §5).
--   Published from config.methodology_plan_kinds, which the build writes from config/methodology/*.json (exactly the versions
--   being built), so the parameters swap in with the numbers computed from them.
-- depends_on: config.methodology_plan_kinds
-- check unique: methodology_version, indicator_no
-- check not_null: methodology_version, indicator_no
-- check accepted_values: kind in ('stock','annual','cumulative')
with final as (
    select * from config.methodology_plan_kinds
)

select * from final
order by methodology_version, indicator_no
