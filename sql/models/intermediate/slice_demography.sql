-- model: intermediate.slice_demography
-- materialized: table
-- grain: one row per slice per year: the business demography of methodology §2 and §7 over the small/micro
--   enterprises of a slice (intermediate.slice_enterprise_year: a region, priority_industry NULL, or a region ×
--   八大万亿产业). Rates: birth/death per 100 active; survival and opening rate as fractions. mart.business_demography
--   is its region slice; the industry slices feed mart.index_inputs_by_industry.
-- depends_on: mart.enterprise_year, staging.stg_years, staging.stg_region_rollup, ref.regions, ref.priority_industries
-- check unique: year, region_code, priority_industry
-- check not_null: year, region_code, active, births, deaths, conversions
-- check relationships: region_code -> ref.regions.region_code
-- check expression: survival_is_a_share: coalesce(survival_1y between 0 and 1, true) and coalesce(survival_2y between 0 and 1, true) and coalesce(survival_3y between 0 and 1, true)
-- Everything below is counted per county and firm's industry first, then added up over the counties and
-- industries of each slice (intermediate.slice_enterprise_year's slices): counts add up exactly, and the firm
-- rows are read once instead of once per slice they count in.
with slice_industries as (
    select null::varchar as priority_industry
    union all
    select priority_industry from ref.priority_industries
),

county_flows as (
    select
        county_code,
        priority_industry as firm_priority_industry,
        year,
        count(*) filter (where alive_end and in_scope) as active,
        count(*) filter (where is_birth and in_scope) as births,
        count(*) filter (where is_death and in_scope) as deaths,
        count(*) filter (where is_conversion and in_scope) as conversions,
    from mart.enterprise_year
    group by county_code, priority_industry, year
),

-- 小升规: in scope (and alive) at the end of t−1 — no filing then counts as in scope — and 规上/限上 in t. Only the
-- firm-years 规上 in t (4 % of them at province) look up their t−1: joining every firm-year to its t−1 made this
-- model 4.2 s instead of 2.7 s at province.
county_upgrades as (
    select
        ey.county_code,
        ey.priority_industry as firm_priority_industry,
        ey.year,
        count(*) as upgrades,
    from mart.enterprise_year as ey
    inner join mart.enterprise_year as p on ey.uscc = p.uscc and ey.year = p.year + 1
    where ey.is_above_scale and p.alive_end and p.in_scope
    group by ey.county_code, ey.priority_industry, ey.year
),

county_counts as (
    select
        f.*,
        coalesce(u.upgrades, 0) as upgrades,
    from county_flows as f
    left join county_upgrades as u
        on f.county_code = u.county_code and f.firm_priority_industry is not distinct from u.firm_priority_industry
        and f.year = u.year
),

counts as (
    select
        r.region_code,
        i.priority_industry,
        c.year,
        sum(columns(c.* exclude (county_code, firm_priority_industry, year))),
    from county_counts as c
    inner join staging.stg_region_rollup as r on c.county_code = r.county_code
    inner join slice_industries as i on i.priority_industry is null or i.priority_industry = c.firm_priority_industry
    group by r.region_code, i.priority_industry, c.year
),

-- Birth cohorts fixed by slice and scope at birth; survivors counted wherever they are, whatever size.
county_survival as (
    select
        ey.county_code,
        ey.priority_industry as firm_priority_industry,
        y.year,
        count(*) filter (where ey.year = y.year - 1) as cohort_1y,
        count(*) filter (where ey.year = y.year - 1 and (ey.closed_on is null or ey.closed_on > y.year_end))
            as survivors_1y,
        count(*) filter (where ey.year = y.year - 2) as cohort_2y,
        count(*) filter (where ey.year = y.year - 2 and (ey.closed_on is null or ey.closed_on > y.year_end))
            as survivors_2y,
        count(*) filter (where ey.year = y.year - 3) as cohort_3y,
        count(*) filter (where ey.year = y.year - 3 and (ey.closed_on is null or ey.closed_on > y.year_end))
            as survivors_3y,
    from staging.stg_years as y
    inner join mart.enterprise_year as ey on ey.year between y.year - 3 and y.year - 1
    where ey.is_birth and ey.in_scope
    group by ey.county_code, ey.priority_industry, y.year
),

survival as (
    select
        r.region_code,
        i.priority_industry,
        c.year,
        sum(columns(c.* exclude (county_code, firm_priority_industry, year))),
    from county_survival as c
    inner join staging.stg_region_rollup as r on c.county_code = r.county_code
    inner join slice_industries as i on i.priority_industry is null or i.priority_industry = c.firm_priority_industry
    group by r.region_code, i.priority_industry, c.year
),

-- New enterprises of t: in scope at t, alive at the end of t, established (not converted) in t−2..t.
county_opening as (
    select
        county_code,
        priority_industry as firm_priority_industry,
        year,
        count(*) as new_enterprises,
        count(*) filter (where revenue_wan > 0) as opened,
    from mart.enterprise_year
    where in_scope and alive_end and not is_converted and year(established_on) between year - 2 and year
    group by county_code, priority_industry, year
),

opening as (
    select
        r.region_code,
        i.priority_industry,
        c.year,
        sum(columns(c.* exclude (county_code, firm_priority_industry, year))),
    from county_opening as c
    inner join staging.stg_region_rollup as r on c.county_code = r.county_code
    inner join slice_industries as i on i.priority_industry is null or i.priority_industry = c.firm_priority_industry
    group by r.region_code, i.priority_industry, c.year
),

-- Every region and year, for all its enterprises and for each of the eight industries (with or without firms).
frame as (
    select
        y.year,
        r.region_code,
        s.priority_industry,
    from staging.stg_years as y
    cross join ref.regions as r
    cross join slice_industries as s
    where r.level in ('city', 'county')
),

final as (
    select
        f.year,
        f.region_code,
        f.priority_industry,
        coalesce(c.active, 0)::integer as active,
        coalesce(c.births, 0)::integer as births,
        coalesce(c.deaths, 0)::integer as deaths,
        coalesce(c.conversions, 0)::integer as conversions,
        -- The first data year has no t−1 to test scope in: upgrades are unknown there, not 0.
        case when f.year > (select min(year) from staging.stg_years) then coalesce(c.upgrades, 0) end::integer
            as upgrades,
        100 * safe_div(c.births, c.active) as birth_rate,
        100 * safe_div(c.deaths, c.active) as death_rate,
        safe_div(s.survivors_1y, s.cohort_1y) as survival_1y,
        safe_div(s.survivors_2y, s.cohort_2y) as survival_2y,
        safe_div(s.survivors_3y, s.cohort_3y) as survival_3y,
        safe_div(o.opened, o.new_enterprises) as opening_rate,
        coalesce(s.cohort_1y, 0)::integer as cohort_1y,
        coalesce(s.cohort_2y, 0)::integer as cohort_2y,
        coalesce(s.cohort_3y, 0)::integer as cohort_3y,
        coalesce(o.new_enterprises, 0)::integer as new_enterprises,
    from frame as f
    left join counts as c
        on f.region_code = c.region_code and f.priority_industry is not distinct from c.priority_industry
        and f.year = c.year
    left join survival as s
        on f.region_code = s.region_code and f.priority_industry is not distinct from s.priority_industry
        and f.year = s.year
    left join opening as o
        on f.region_code = o.region_code and f.priority_industry is not distinct from o.priority_industry
        and f.year = o.year
)

select * from final
order by year, region_code, priority_industry
