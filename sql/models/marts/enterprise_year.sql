-- model: mart.enterprise_year
-- materialized: table
-- grain: one row per enterprise (not 个体/合作社/分公司) per year t in which it existed at some point
--   (established by 31 Dec t, not closed before 1 Jan t), with its county at the end of t, its filing
--   for t, its 2011 size class and whether it is in the small/micro scope (methodology §1, §7), and its registered
--   type at the end of t and listing board in t's filing (mart.growth_path_enterprises reads them from here)
-- depends_on: intermediate.entity_year_states, staging.stg_enterprise_indicators, ref.sme_size_thresholds, ref.regions
-- check unique: uscc, year
-- check not_null: uscc, year, county_code, in_scope, alive_end
-- check accepted_values: size_class in ('大型','中型','小型','微型')
-- check expression: tech_staff_within_employees: tech_staff is null or employees is null or tech_staff <= employees
with filed as (
    select
        ey.*,
        -- County at the end of t: its state's then (intermediate.entity_year_states); a firm first listed after t takes
        -- its earliest listed county. A firm listed without a county code is still in the city's register: it
        -- counts for the city only, like firms registered at city level, rather than vanishing from every total.
        coalesce(ey.state_county_code, ey.first_county_code, (select region_code from ref.regions where level = 'city'))
            as county_code,
        coalesce(ey.state_status = '迁出', false) as is_moved_out_at_end,
        -- ey.entity_type is the latest snapshot's; growth paths need the type at the end of t.
        ey.state_entity_type as entity_type_end,
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
        nullif(trim(i.listing), '') as listing,
        size_class(
            i.employees, i.revenue_wan, i.assets_wan,
            t.small_employees_min, t.small_revenue_min, t.small_assets_min,
            t.medium_employees_min, t.medium_revenue_min, t.medium_assets_min,
            t.large_employees_min, t.large_revenue_min, t.large_assets_min
        ) as size_class,
    from intermediate.entity_year_states as ey
    left join staging.stg_enterprise_indicators as i on ey.uscc = i.uscc and ey.year = i.year
    left join ref.sme_size_thresholds as t on ey.size_group = t.size_group
    where ey.is_enterprise
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
        entity_type_end as entity_type,
        listing,
    from filed
)

select * from final
