-- model: mart.enterprise_year
-- materialized: table
-- grain: one row per enterprise (not 个体/合作社/分公司) per year t in which it existed at some point
--   (established by 31 Dec t, not closed before 1 Jan t), with its county at the end of t, its filing
--   for t, its 2011 size class and whether it is in the small/micro scope (methodology §1, §7)
-- depends_on: staging.stg_entities, staging.stg_registry_history, staging.stg_years, staging.stg_enterprise_indicators, ref.sme_size_thresholds, ref.regions
-- check unique: uscc, year
-- check not_null: uscc, year, county_code, in_scope, alive_end
-- check accepted_values: size_class in ('大型','中型','小型','微型')
-- check expression: tech_staff_within_employees: tech_staff is null or employees is null or tech_staff <= employees
with entity_years as (
    select
        e.*,
        y.year,
        y.year_end,
    from staging.stg_entities as e
    inner join staging.stg_years as y
        on e.established_on <= y.year_end
        and (e.closed_on is null or e.closed_on >= make_date(y.year, 1, 1))
    where e.is_enterprise
),

first_county as (
    select
        uscc,
        arg_min(county_code, valid_from) as county_code,
    from staging.stg_registry_history
    group by uscc
),

filed as (
    select
        ey.*,
        -- A firm listed without a county code is still in the city's register: it counts for the city only,
        -- like firms registered at city level, rather than vanishing from every total.
        coalesce(c.county_code, f.county_code, (select region_code from ref.regions where level = 'city'))
            as county_code,
        coalesce(c.status = '迁出', false) as is_moved_out_at_end,
        i.uscc is not null as has_filing,
        i.employees,
        i.revenue_wan,
        i.assets_wan,
        i.profit_wan,
        i.tax_wan,
        i.rd_expense_wan,
        i.tech_staff,
        i.exports_wan,
        -- A filing that leaves 是否规上 empty is taken as not 规上 (the flag is never derived from revenue).
        coalesce(i.is_above_scale, false) as is_above_scale,
        coalesce(i.is_tech_sme, false) as is_tech_sme,
        size_class(
            i.employees, i.revenue_wan, i.assets_wan,
            t.small_employees_min, t.small_revenue_min, t.small_assets_min,
            t.medium_employees_min, t.medium_revenue_min, t.medium_assets_min,
            t.large_employees_min, t.large_revenue_min, t.large_assets_min
        ) as size_class,
    from entity_years as ey
    -- County at the end of t: from the latest snapshot dated on or before 31 Dec t (data-contract §5), i.e.
    -- the entity state valid then; a firm first listed after t takes its earliest listed county (first_county).
    asof left join staging.stg_registry_history as c on ey.uscc = c.uscc and c.valid_from <= ey.year_end
    left join first_county as f on ey.uscc = f.uscc
    left join staging.stg_enterprise_indicators as i on ey.uscc = i.uscc and ey.year = i.year
    left join ref.sme_size_thresholds as t on ey.size_group = t.size_group
),

final as (
    select
        uscc,
        year,
        county_code,
        industry_division,
        size_group,
        priority_industry,
        established_on,
        closed_on,
        is_converted,
        converted_on,
        moved_out_on,
        has_filing,
        employees,
        revenue_wan,
        assets_wan,
        profit_wan,
        tax_wan,
        rd_expense_wan,
        tech_staff,
        exports_wan,
        is_above_scale,
        is_tech_sme,
        size_class,
        -- Scope uses that year's filing: 是否规上 as given, size 小型/微型, or no filing (unknown = in scope).
        not is_above_scale and (size_class is null or size_class in ('小型', '微型')) as in_scope,
        -- 迁出 takes a firm out of the active population while its state at the end of t says so (a firm
        -- that moves back is active again); it is not a death.
        (closed_on is null or closed_on > year_end) and not is_moved_out_at_end as alive_end,
        year(established_on) = year and not is_converted as is_birth,
        -- A firm that had already moved out before t began is no longer Huzhou's: its closure is not a death.
        closed_on is not null and year(closed_on) = year
        and (moved_out_on is null or moved_out_on >= make_date(year, 1, 1)) as is_death,
        is_converted and year(converted_on) = year as is_conversion,
    from filed
)

select * from final
