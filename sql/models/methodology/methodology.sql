-- model: mart.methodology
-- materialized: table
-- grain: one row per methodology version: its parameters (base year, plan period, scorecard rules,
--   publication threshold, weights note) and the sha256 of its file.
--   Published from config.methodology, which the build writes from config/methodology/*.json (exactly the versions
--   being built), so the parameters swap in with the numbers computed from them.
-- depends_on: config.methodology
-- check unique: methodology_version
-- check not_null: methodology_version
with final as (
    select * from config.methodology
)

select * from final
order by methodology_version
