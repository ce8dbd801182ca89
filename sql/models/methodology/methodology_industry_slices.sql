-- model: mart.methodology_industry_slices
-- materialized: table
-- grain: one row per methodology version: the settings of methodology §8 (indices per 八大万亿产业): whether
--   county × industry rows are published, the inputs an industry slice drops and why, and the proxy note.
--   Published from config.methodology_industry_slices, which the build writes from config/methodology/*.json
--   (exactly the versions being built), so the settings swap in with the numbers computed from them.
-- depends_on: config.methodology_industry_slices
-- check unique: methodology_version
-- check not_null: methodology_version, county_by_industry
with final as (
    select * from config.methodology_industry_slices
)

select * from final
order by methodology_version
