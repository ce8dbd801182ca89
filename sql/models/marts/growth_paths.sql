-- model: mart.growth_paths
-- materialized: table
-- grain: one row per year per region (city and counties) per flow (个转企, 小升规, 规改股, 挂牌上市) per listing
--   board (挂牌上市 only: 新三板, 浙江股权交易中心, 上市; NULL for the other flows): the enterprises making that
--   step in t, placed by their county at the end of t (methodology §9, §7). rate = enterprises / the stock, at
--   the end of t−1 in the same region, of the stage the flow leaves (个转企 P0, 小升规 P1, 规改股 P2, 挂牌上市 P3),
--   as a fraction; base_enterprises is that stock. 小升规, 规改股 and 挂牌上市 are unknown (NULL) in the first
--   data year, which has no t−1.
-- depends_on: mart.growth_path_enterprises, mart.growth_stages, mart.business_demography, staging.stg_region_rollup, staging.stg_years, ref.regions
-- check unique: year, region_code, flow, board
-- check not_null: year, region_code, flow, sort_order
-- check accepted_values: flow in ('个转企','小升规','规改股','挂牌上市')
-- check accepted_values: board in ('新三板','浙江股权交易中心','上市')
-- check relationships: region_code -> ref.regions.region_code
-- check expression: board_only_for_listings: (flow = '挂牌上市') = (board is not null)
-- check expression: nonnegative: coalesce(enterprises >= 0, true)
with flows as (
    select *
    from (
        values
            ('个转企', null, 'P0', 1),
            ('小升规', null, 'P1', 2),
            ('规改股', null, 'P2', 3),
            ('挂牌上市', '新三板', 'P3', 4),
            ('挂牌上市', '浙江股权交易中心', 'P3', 5),
            ('挂牌上市', '上市', 'P3', 6)
    ) as f (flow, board, stage_from, sort_order)
),

first_year as (
    select min(year) as year from staging.stg_years
),

steps as (
    select year, county_code, '个转企' as flow, null as board from mart.growth_path_enterprises where is_conversion
    union all
    select year, county_code, '小升规', null from mart.growth_path_enterprises where is_upgrade
    union all
    select year, county_code, '规改股', null from mart.growth_path_enterprises where is_joint_stock_reform
    union all
    select year, county_code, '挂牌上市', listing from mart.growth_path_enterprises where is_new_listing
),

counts as (
    select
        s.year,
        r.region_code,
        s.flow,
        s.board,
        count(*) as enterprises,
    from steps as s
    inner join staging.stg_region_rollup as r on s.county_code = r.county_code
    group by all
),

frame as (
    select
        y.year,
        r.region_code,
        f.*,
    from staging.stg_years as y
    cross join ref.regions as r
    cross join flows as f
    where r.level in ('city', 'county')
),

final as (
    select
        f.year,
        f.region_code,
        f.flow,
        f.board,
        f.stage_from,
        f.sort_order,
        case
            when f.flow = '个转企' or f.year > fy.year then coalesce(c.enterprises, 0)
        end::integer as enterprises,
        b.enterprises as base_enterprises,
        safe_div(
            case when f.flow = '个转企' or f.year > fy.year then coalesce(c.enterprises, 0) end,
            b.enterprises
        ) as rate,
    from frame as f
    cross join first_year as fy
    left join counts as c
        on f.year = c.year and f.region_code = c.region_code and f.flow = c.flow
        and f.board is not distinct from c.board
    left join mart.growth_stages as b
        on b.year = f.year - 1 and b.region_code = f.region_code and b.stage = f.stage_from
)

select * from final
order by year, region_code, sort_order
