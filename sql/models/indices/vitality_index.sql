-- model: mart.vitality_index
-- materialized: table
-- grain: one row per methodology version per year per region (city and counties) per level and code of the
--   新设小微企业活力指数 (methodology §4): indicator rows (raw_value = the input X, value = the index, base year = 100;
--   dropped_reason when it drops), module rows and the total. Computed in intermediate.index_scores
--   (sql/models/intermediate/index_scores.sql) for every slice; this is its region slice.
-- depends_on: intermediate.index_scores
-- check unique: methodology_version, year, region_code, level, code
-- check not_null: methodology_version, year, region_code, level, code
-- check accepted_values: level in ('indicator','module','total')
-- check relationships: region_code -> ref.regions.region_code
with final as (
    select
        methodology_version,
        year::integer as year,
        region_code,
        level,
        code,
        raw_value::double as raw_value,
        value::double as value,
        dropped_reason,
        -- Enterprise counts on indicator rows, as published since v1.
        case when level = 'indicator' then n_enterprises end::integer as n_enterprises,
    from intermediate.index_scores
    where index_name = 'vitality' and priority_industry is null
)

select * from final
order by methodology_version, year, region_code, level, code
