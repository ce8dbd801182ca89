-- model: staging.stg_years
-- materialized: table
-- grain: one row per year covered by a year-end registry snapshot range (first to last snapshot year)
-- depends_on: raw.registry
-- check unique: year
-- check not_null: year, year_end
with snapshot_years as (
    select
        min(year(as_of)) as first_year,
        max(year(as_of)) as last_year,
    from raw.registry
    where month(as_of) = 12 and day(as_of) = 31
),

final as (
    select
        y.year::integer as year,
        make_date(y.year::integer, 12, 31) as year_end,
    from snapshot_years as s,
        range(s.first_year, s.last_year + 1) as y (year)
    where s.first_year is not null
)

select * from final
