-- model: intermediate.slice_index_inputs
-- materialized: table
-- grain: one row per slice per year per input variable X of the indices (methodology §3, §4, §7, §8), with the
--   number of enterprises the value is built from (publication rule: fewer than 3 ⇒ not shown). A slice is a
--   region (priority_industry NULL) or a region × 八大万亿产业 (intermediate.slice_enterprise_year). In an industry
--   slice the plan inputs (D1–D4: plan data exist per region only) and the priority-industry share (V1c: 1 by
--   construction) are NULL; V1b divides by the region's population. mart.index_inputs and
--   mart.index_inputs_by_industry are its slices.
-- depends_on: mart.enterprise_year, staging.stg_region_rollup, intermediate.slice_demography, mart.plan_values, ref.regions, ref.population, ref.priority_industries
-- check unique: year, region_code, priority_industry, variable
-- check not_null: year, region_code, variable
with placed as (
    select
        *,
        not is_converted and year(established_on) between year - 2 and year as is_new,
    from mart.enterprise_year
    where in_scope and alive_end
),

-- A-module sums over firms active at the end of t; ratios of sums (B, V2c, V4a, V4b) over filers only.
-- Amounts are summed as DECIMAL(38,6) (万元 to the 元 cent is 6 decimals): exact, so the result does not
-- depend on the order DuckDB's threads add rows in, and rebuilds are byte-identical. Summed first per county and
-- firm's industry, then over the counties and industries of each slice (intermediate.slice_enterprise_year's
-- slices): counts and DECIMAL sums add up exactly, and the firm rows are aggregated once instead of once per slice.
county_sums as (
    select
        county_code,
        priority_industry as firm_priority_industry,
        year,
        count(*) filter (where has_filing) as filers,
        sum(revenue_wan::decimal(38, 6)) as revenue,
        sum(employees) as employees,
        sum(assets_wan::decimal(38, 6)) as assets,
        -- 利税: a filing with one of the two parts still contributes that part.
        sum(coalesce(profit_wan::decimal(38, 6), 0) + coalesce(tax_wan::decimal(38, 6), 0))
            filter (where profit_wan is not null or tax_wan is not null) as profit_tax,
        sum(assets_wan::decimal(38, 6)) filter (where revenue_wan is not null) as assets_with_revenue,
        sum(revenue_wan::decimal(38, 6)) filter (where assets_wan is not null) as revenue_with_assets,
        sum(tech_staff) filter (where employees is not null) as tech_staff,
        sum(employees) filter (where tech_staff is not null) as employees_with_tech,
        sum(rd_expense_wan::decimal(38, 6)) filter (where revenue_wan is not null) as rd,
        sum(revenue_wan::decimal(38, 6)) filter (where rd_expense_wan is not null) as revenue_with_rd,
        sum(revenue_wan::decimal(38, 6)) filter (where employees is not null) as revenue_with_emp,
        sum(employees) filter (where revenue_wan is not null) as emp_with_revenue,
        count(*) filter (where is_new) as new_n,
        count(*) filter (where is_new and has_filing) as new_filers,
        sum(revenue_wan::decimal(38, 6)) filter (where is_new) as new_revenue,
        sum(employees) filter (where is_new) as new_employees,
        sum(revenue_wan::decimal(38, 6)) filter (where is_new and employees is not null) as new_revenue_with_emp,
        sum(employees) filter (where is_new and revenue_wan is not null) as new_emp_with_revenue,
        sum(rd_expense_wan::decimal(38, 6)) filter (where is_new and revenue_wan is not null) as new_rd,
        sum(revenue_wan::decimal(38, 6)) filter (where is_new and rd_expense_wan is not null) as new_revenue_with_rd,
        sum(tech_staff) filter (where is_new and employees is not null) as new_tech_staff,
        sum(employees) filter (where is_new and tech_staff is not null) as new_employees_with_tech,
        count(*) filter (where is_new and tax_wan > 0) as new_taxpayers,
        count(*) filter (where is_new and is_tech_sme) as new_tech_smes,
    from placed
    group by county_code, priority_industry, year
),

-- A slice: its region's counties (staging.stg_region_rollup) and all firms (NULL) or one industry's.
slice_industries as (
    select null::varchar as priority_industry
    union all
    select priority_industry from ref.priority_industries
),

sums as (
    select
        r.region_code,
        i.priority_industry,
        c.year,
        sum(columns(c.* exclude (county_code, firm_priority_industry, year))),
    from county_sums as c
    inner join staging.stg_region_rollup as r on c.county_code = r.county_code
    inner join slice_industries as i
        on i.priority_industry is null or i.priority_industry = c.firm_priority_industry
    group by r.region_code, i.priority_industry, c.year
),

-- V1c is defined for a region only: within an industry slice every birth is in the industry.
priority_births as (
    select
        r.region_code,
        ey.year,
        count(*) filter (where ey.priority_industry is not null) as priority_births,
    from mart.enterprise_year as ey
    inner join staging.stg_region_rollup as r on ey.county_code = r.county_code
    where ey.is_birth and ey.in_scope
    group by r.region_code, ey.year
),

-- Population for V1b: that year's figure, else the latest earlier one; the region's own row, else the sum
-- of its counties (methodology §7).
population_rows as (
    select region_code, year, population from ref.population
    union all
    select c.parent_code as region_code, p.year, sum(p.population) as population
    from ref.population as p
    inner join ref.regions as c on p.region_code = c.region_code and c.level = 'county'
    where not exists (
        select 1 from ref.population as own where own.region_code = c.parent_code and own.year = p.year
    )
    group by c.parent_code, p.year
),

population as (
    select
        d.region_code,
        d.year,
        (select arg_max(p.population, p.year) from population_rows as p
            where p.region_code = d.region_code and p.year <= d.year) as population,
    from intermediate.slice_demography as d
    where d.priority_industry is null
),

plan as (
    select
        region_code,
        year,
        max(value) filter (where indicator_no = 12) as p12,
        -- D2 and D4 are missing when either part is missing (a NULL part makes the sum NULL).
        max(value) filter (where indicator_no = 15) + max(value) filter (where indicator_no = 16) as p15_16,
        max(value) filter (where indicator_no = 17) as p17,
        max(value) filter (where indicator_no = 18) + max(value) filter (where indicator_no = 19) as p18_19,
    from mart.plan_values
    group by region_code, year
),

wide as (
    select
        d.year,
        d.region_code,
        d.priority_industry,
        d.active, d.births, d.conversions, d.upgrades, d.survival_1y, d.survival_3y, d.opening_rate,
        d.cohort_1y, d.cohort_3y, d.new_enterprises,
        s.* exclude (region_code, priority_industry, year),
        pb.priority_births,
        pop.population,
        pl.p12, pl.p15_16, pl.p17, pl.p18_19,
    from intermediate.slice_demography as d
    left join sums as s
        on d.region_code = s.region_code and d.priority_industry is not distinct from s.priority_industry
        and d.year = s.year
    left join priority_births as pb
        on d.region_code = pb.region_code and d.priority_industry is null and d.year = pb.year
    left join population as pop on d.region_code = pop.region_code and d.year = pop.year
    -- Plan data exist per region only (methodology §8: D1–D4 drop in an industry slice).
    left join plan as pl on d.region_code = pl.region_code and d.priority_industry is null and d.year = pl.year
),

final as (
    select
        w.year,
        w.region_code,
        w.priority_industry,
        v.variable,
        v.value::double as value,
        v.n_enterprises::integer as n_enterprises,
    from wide as w,
        lateral (values
            ('active', w.active, w.active),
            ('revenue_sum', w.revenue, w.filers),
            ('employees_sum', w.employees, w.filers),
            ('assets_sum', w.assets, w.filers),
            ('profit_tax_sum', w.profit_tax, w.filers),
            ('asset_turnover', safe_div(w.revenue_with_assets, w.assets_with_revenue), w.filers),
            ('tech_staff_share', safe_div(w.tech_staff, w.employees_with_tech), w.filers),
            ('rd_intensity', safe_div(w.rd, w.revenue_with_rd), w.filers),
            ('labour_productivity', safe_div(w.revenue_with_emp, w.emp_with_revenue), w.filers),
            ('births', w.births, w.births),
            ('conversions', w.conversions, w.conversions),
            ('upgrades', w.upgrades, w.upgrades),
            ('survival_1y', w.survival_1y, w.cohort_1y),
            ('survival_3y', w.survival_3y, w.cohort_3y),
            ('births_per_10k', 10000 * safe_div(w.births, w.population), w.births),
            ('priority_share', safe_div(w.priority_births, w.births), w.births),
            ('opening_rate', w.opening_rate, w.new_enterprises),
            ('new_revenue_per_firm', safe_div(w.new_revenue, w.new_n), w.new_n),
            ('new_labour_productivity', safe_div(w.new_revenue_with_emp, w.new_emp_with_revenue), w.new_filers),
            ('new_taxpaying_share', safe_div(w.new_taxpayers, w.new_n), w.new_n),
            ('new_jobs_per_firm', safe_div(w.new_employees, w.new_n), w.new_n),
            ('new_rd_intensity', safe_div(w.new_rd, w.new_revenue_with_rd), w.new_filers),
            ('new_tech_staff_share', safe_div(w.new_tech_staff, w.new_employees_with_tech), w.new_filers),
            ('new_tech_sme_share', safe_div(w.new_tech_smes, w.new_n), w.new_n),
            ('plan_12', w.p12, null),
            ('plan_15_16', w.p15_16, null),
            ('plan_17', w.p17, null),
            ('plan_18_19', w.p18_19, null)
        ) as v (variable, value, n_enterprises)
)

select * from final
order by year, region_code, priority_industry, variable
