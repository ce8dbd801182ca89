-- model: mart.growth_stages
-- materialized: table
-- grain: one row per year per region (city and counties) per stage P0…P4: entities alive at the end of t in
--   that stage (methodology §9; stages are not exclusive, a firm counts once per stage it is in), placed by
--   their county at the end of t (§7). P0 个体工商户; P1 small/micro enterprise (§1 scope); P2 above scale
--   (是否规上 = 是 in t's filing); P3 股份有限公司 (type in the latest snapshot dated ≤ 31 Dec t); P4 listed
--   (挂牌上市 non-empty in t's filing).
-- depends_on: mart.growth_path_enterprises, mart.business_demography, intermediate.entity_year_states, staging.stg_region_rollup, staging.stg_years, ref.regions
-- check unique: year, region_code, stage
-- check not_null: year, region_code, stage, stage_zh, enterprises
-- check accepted_values: stage in ('P0','P1','P2','P3','P4')
-- check relationships: region_code -> ref.regions.region_code
-- check expression: nonnegative: enterprises >= 0
with stages as (
    select *
    from (
        values
            ('P0', '个体工商户'),
            ('P1', '小微企业'),
            ('P2', '规上企业'),
            ('P3', '股份有限公司'),
            ('P4', '挂牌上市企业')
    ) as s (stage, stage_zh)
),

-- 个体工商户 are not enterprises: their state at the end of t comes from the registry history directly.
individual_state as (
    select
        year,
        coalesce(state_entity_type, entity_type) as entity_type,
        -- No county in any snapshot: counted for the city only, like enterprises (mart.enterprise_year).
        coalesce(state_county_code, (select region_code from ref.regions where level = 'city')) as county_code,
        coalesce(state_status = '迁出', false) as is_moved_out,
    from intermediate.entity_year_states
    -- Alive at the end of t.
    where not is_enterprise and (closed_on is null or closed_on > year_end)
),

members as (
    select year, county_code, 'P0' as stage
    from individual_state
    where entity_type = '个体工商户' and not is_moved_out
    union all
    select year, county_code, 'P1' from mart.growth_path_enterprises where alive_end and in_scope
    union all
    select year, county_code, 'P2' from mart.growth_path_enterprises where alive_end and is_above_scale
    union all
    select year, county_code, 'P3' from mart.growth_path_enterprises where alive_end and is_joint_stock
    union all
    select year, county_code, 'P4' from mart.growth_path_enterprises where alive_end and is_listed
),

counts as (
    select
        m.year,
        r.region_code,
        m.stage,
        count(*) as enterprises,
    from members as m
    inner join staging.stg_region_rollup as r on m.county_code = r.county_code
    group by all
),

frame as (
    select
        y.year,
        r.region_code,
        s.stage,
        s.stage_zh,
    from staging.stg_years as y
    cross join ref.regions as r
    cross join stages as s
    where r.level in ('city', 'county')
),

final as (
    select
        f.year,
        f.region_code,
        f.stage,
        f.stage_zh,
        coalesce(c.enterprises, 0)::integer as enterprises,
    from frame as f
    left join counts as c on f.year = c.year and f.region_code = c.region_code and f.stage = c.stage
)

select * from final
order by year, region_code, stage
