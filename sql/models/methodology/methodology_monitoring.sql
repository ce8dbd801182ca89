-- model: mart.methodology_monitoring
-- materialized: table
-- grain: one row per methodology version: the thresholds of methodology §10 (monthly seasonal rule,
--   quarterly and annual rules) read by mart.monthly_expected and mart.alerts.
--   Published from config.methodology_monitoring, which the build writes from config/methodology/*.json (exactly the
--   versions being built), so the parameters swap in with the alerts computed from them.
-- depends_on: config.methodology_monitoring
-- check unique: methodology_version
-- check not_null: methodology_version
with final as (
    select * from config.methodology_monitoring
)

select * from final
order by methodology_version
