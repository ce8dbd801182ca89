-- model: mart.plan_quarter_values
-- materialized: table
-- grain: one row per region per plan indicator per year per quarter reported: the quarter's own value (a flow;
--   for 'stock' indicators the stock at the quarter's end, data-contract §5) and the year to date (flows summed
--   over quarters 1..q, which must all be reported; stock = the quarter's value). Feeds the quarter-end scorecard.
-- depends_on: staging.stg_plan_indicators, ref.plan_indicators
-- check unique: year, quarter, region_code, indicator_no
-- check not_null: year, quarter, region_code, indicator_no, value
with quarters as (
    select
        q.year,
        q.quarter,
        q.region_code,
        q.indicator_no,
        q.value,
        i.kind,
    from staging.stg_plan_indicators as q
    inner join ref.plan_indicators as i on q.indicator_no = i.indicator_no
    where q.quarter is not null
),

final as (
    select
        year,
        quarter,
        region_code,
        indicator_no,
        value,
        case
            when kind = 'stock' then value
            -- Year to date only when every earlier quarter of the year is there.
            when count(*) over w = quarter then (sum(value::decimal(38, 6)) over w)::double
        end as year_to_date,
    from quarters
    window w as (partition by year, region_code, indicator_no order by quarter)
)

select * from final
order by year, quarter, region_code, indicator_no
