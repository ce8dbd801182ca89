-- model: mart.methodology_growth_paths
-- materialized: table
-- grain: one row per methodology version: the thresholds of methodology §9 (reconciliation,
--   high growth, 培育库 candidates) read by the growth-path, reconciliation and high-growth marts.
--   Published from config.methodology_growth_paths, which the build writes from config/methodology/*.json (exactly the versions
--   being built), so the parameters swap in with the numbers computed from them.
-- depends_on: config.methodology_growth_paths
-- check unique: methodology_version
-- check not_null: methodology_version
with final as (
    select * from config.methodology_growth_paths
)

select * from final
order by methodology_version
