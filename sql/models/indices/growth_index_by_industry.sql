-- model: mart.growth_index_by_industry
-- materialized: table
-- grain: one row per methodology version per year per region per 八大万亿产业 per level and code of the
--   小微企业成长指数 (methodology §3, §8) over the region's small/micro enterprises of that industry (declared, else
--   the proxy of ref.priority_industry_proxy): the city by default, each county too when the version's
--   industry_slices.county_by_industry is set. Same columns as mart.growth_index plus priority_industry; inputs
--   an industry does not have drop (region_level_only, constant_within_industry) and the weights renormalise.
--   n_enterprises on every row (an aggregate: its largest present child's), for the publication rule.
--   Computed in intermediate.index_scores (sql/models/intermediate/index_scores.sql); this is its industry slice.
-- depends_on: intermediate.index_scores, mart.methodology_industry_slices, ref.regions
-- check unique: methodology_version, year, region_code, priority_industry, level, code
-- check not_null: methodology_version, year, region_code, priority_industry, level, code
-- check accepted_values: level in ('indicator','module','total')
-- check relationships: region_code -> ref.regions.region_code
-- check relationships: priority_industry -> ref.priority_industries.priority_industry
with final as (
    select
        s.methodology_version,
        s.year::integer as year,
        s.region_code,
        s.priority_industry,
        s.level,
        s.code,
        s.raw_value::double as raw_value,
        s.value::double as value,
        s.dropped_reason,
        s.n_enterprises::integer as n_enterprises,
    from intermediate.index_scores as s
    inner join mart.methodology_industry_slices as sl on s.methodology_version = sl.methodology_version
    inner join ref.regions as r on s.region_code = r.region_code
    where s.index_name = 'growth'
        and s.priority_industry is not null
        and (r.level = 'city' or sl.county_by_industry)
)

select * from final
order by methodology_version, year, region_code, priority_industry, level, code
