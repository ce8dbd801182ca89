-- model: mart.plan_reconciliation
-- materialized: table
-- grain: one row per methodology version per year per region (city and counties) per plan indicator 4, 6, 7, 8:
--   the registry-derived flow against the departments' "8631" report (methodology §9). 4 = 个转企; 6 = 小升规 of
--   industrial firms only (规下工业 → 规上: GB/T 4754 divisions whose above-scale group is industry); 7 = new
--   listings on the configured boards (新三板, 浙江股权交易中心); 8 = 规改股. difference = registry − reported;
--   ratio = registry / reported; flagged where |difference| > relative_threshold × reported AND |difference| >
--   absolute_threshold (both strict; NULL when either value is missing). Years: the plan period and any year
--   with a report.
-- depends_on: mart.growth_paths, mart.growth_path_enterprises, mart.plan_values, mart.methodology, mart.methodology_growth_paths, staging.stg_region_rollup, staging.stg_years, ref.regions, ref.plan_indicators
-- check unique: methodology_version, year, region_code, indicator_no
-- check not_null: methodology_version, year, region_code, indicator_no, indicator_zh
-- check accepted_values: indicator_no in (4, 6, 7, 8)
-- check relationships: region_code -> ref.regions.region_code
-- check expression: difference_is_registry_minus_reported: difference is null or difference = registry_value - reported_value
-- check expression: flag_needs_both_values: (flagged is null) = (registry_value is null or reported_value is null)
with indicators as (
    select
        indicator_no::integer as indicator_no,
        name_zh as indicator_zh,
    from ref.plan_indicators
    where indicator_no in (4, 6, 7, 8)
),

industrial_upgrades as (
    select
        g.year,
        r.region_code,
        count(*) as enterprises,
    from mart.growth_path_enterprises as g
    inner join staging.stg_region_rollup as r on g.county_code = r.county_code
    where g.is_upgrade and g.above_scale_group = 'industry'
    group by all
),

-- Indicators 4, 6 and 8 do not depend on the methodology version; indicator 7 sums the configured boards.
flows as (
    select year, region_code, 4 as indicator_no, enterprises as registry_value
    from mart.growth_paths
    where flow = '个转企'
    union all
    -- Unknown (NULL) 小升规 in the first data year stays unknown for the industrial subset.
    select
        p.year,
        p.region_code,
        6 as indicator_no,
        case when p.enterprises is not null then coalesce(u.enterprises, 0) end as registry_value,
    from mart.growth_paths as p
    left join industrial_upgrades as u on p.year = u.year and p.region_code = u.region_code
    where p.flow = '小升规'
    union all
    select year, region_code, 8 as indicator_no, enterprises as registry_value
    from mart.growth_paths
    where flow = '规改股'
),

listings as (
    select
        m.methodology_version,
        p.year,
        p.region_code,
        7 as indicator_no,
        sum(p.enterprises) as registry_value,
    from mart.growth_paths as p
    inner join mart.methodology_growth_paths as m on list_contains(m.indicator_7_boards, p.board)
    where p.flow = '挂牌上市'
    group by all
),

registry as (
    select
        m.methodology_version,
        f.*,
    from flows as f
    cross join mart.methodology_growth_paths as m
    union all
    select * from listings
),

plan_years as (
    select
        m.methodology_version,
        y.year,
    from mart.methodology as m
    inner join staging.stg_years as y
        on y.year between year(m.plan_start) and year(m.plan_start + to_months(m.plan_months) - interval 1 day)
    union
    select
        m.methodology_version,
        v.year,
    from mart.methodology as m
    inner join mart.plan_values as v on v.indicator_no in (4, 6, 7, 8)
),

frame as (
    select
        py.methodology_version,
        py.year,
        r.region_code,
        i.indicator_no,
        i.indicator_zh,
    from plan_years as py
    cross join ref.regions as r
    cross join indicators as i
    where r.level in ('city', 'county')
),

compared as (
    select
        f.*,
        g.registry_value::integer as registry_value,
        v.value as reported_value,
        t.recon_relative_threshold,
        t.recon_absolute_threshold,
    from frame as f
    inner join mart.methodology_growth_paths as t on f.methodology_version = t.methodology_version
    left join registry as g
        on f.methodology_version = g.methodology_version and f.year = g.year
        and f.region_code = g.region_code and f.indicator_no = g.indicator_no
    left join mart.plan_values as v
        on f.year = v.year and f.region_code = v.region_code and f.indicator_no = v.indicator_no
),

final as (
    select
        methodology_version,
        year,
        region_code,
        indicator_no,
        indicator_zh,
        registry_value,
        reported_value,
        registry_value - reported_value as difference,
        safe_div(registry_value, reported_value) as ratio,
        -- Rounded so a difference of exactly 10 % of the report is decided exactly, not by floating-point error.
        abs(registry_value - reported_value) > round(recon_relative_threshold * reported_value, 9)
        and abs(registry_value - reported_value) > recon_absolute_threshold as flagged,
    from compared
)

select * from final
order by methodology_version, year, region_code, indicator_no
