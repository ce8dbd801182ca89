-- model: mart.methodology_quarter_ends
-- materialized: table
-- grain: one row per methodology version per quarter end at which the "8631" scorecard is computed besides the
--   year ends (methodology §5, §10 quarterly rule).
--   Published from config.methodology_quarter_ends, which the build writes from config/methodology/*.json (exactly
--   the versions being built).
-- depends_on: config.methodology_quarter_ends
-- check unique: methodology_version, period_end
-- check not_null: methodology_version, period_end
with final as (
    select * from config.methodology_quarter_ends
)

select * from final
order by methodology_version, period_end
