-- model: mart.methodology_county_targets
-- materialized: table
-- grain: one row per methodology version per county per plan indicator with a target given in the
--   methodology file (when none is given the scorecard decomposes the city target, methodology §5, §7).
--   Published from config.methodology_county_targets, which the build writes from config/methodology/*.json (exactly the versions
--   being built), so the parameters swap in with the numbers computed from them.
-- depends_on: config.methodology_county_targets
-- check unique: methodology_version, region_code, indicator_no
-- check not_null: methodology_version, region_code, indicator_no
with final as (
    select * from config.methodology_county_targets
)

select * from final
order by methodology_version, region_code, indicator_no
