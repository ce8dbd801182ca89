-- model: mart.plan_values
-- materialized: table
-- grain: one row per region per plan indicator per year: the year's value (data-contract §5): a whole-year
--   row if reported, else the four quarters (flows summed; indicator kinds 'stock' take Q4, the stock at
--   year end); a year with fewer than four quarters and no whole-year row has no value
-- depends_on: staging.stg_plan_indicators, ref.plan_indicators
-- check unique: year, region_code, indicator_no
-- check not_null: year, region_code, indicator_no, value
-- check relationships: indicator_no -> ref.plan_indicators.indicator_no
with whole_year as (
    select year, region_code, indicator_no, value, 'year' as basis
    from staging.stg_plan_indicators
    where quarter is null
),

from_quarters as (
    select
        q.year,
        q.region_code,
        q.indicator_no,
        case
            when any_value(i.kind) = 'stock' then max(q.value) filter (where q.quarter = 4)
            else sum(q.value::decimal(38, 6))::double
        end as value,
        'quarters' as basis,
    from staging.stg_plan_indicators as q
    inner join ref.plan_indicators as i on q.indicator_no = i.indicator_no
    where q.quarter is not null
    group by q.year, q.region_code, q.indicator_no
    having count(distinct q.quarter) = 4
),

final as (
    select * from whole_year
    union all
    select q.*
    from from_quarters as q
    anti join whole_year as w
        on q.year = w.year and q.region_code = w.region_code and q.indicator_no = w.indicator_no
)

select * from final
order by year, region_code, indicator_no
