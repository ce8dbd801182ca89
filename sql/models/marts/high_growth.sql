-- model: mart.high_growth
-- materialized: table
-- grain: one row per methodology version per year t per region (city and counties) per measure (employment |
--   revenue): high-growth enterprises and gazelles by the Eurostat–OECD rule (methodology §9). base_population =
--   enterprises in scope at t−3 with ≥ 10 employees then, alive with filings at t−3 and t; hge = those whose
--   average annualised growth of the measure over the 3 years exceeds 10 % (exactly 10 % does not); gazelles =
--   hge established at most 5 years before t (by calendar year); share = hge / base_population;
--   jobs_created = Σ (employees at t − employees at t−3) over the hge. Thresholds from
--   mart.methodology_growth_paths; placed by county at the end of t (§7). Years: those whose t−3 is a data year.
-- depends_on: mart.enterprise_year, mart.methodology_growth_paths, staging.stg_region_rollup, staging.stg_years, ref.regions
-- check unique: methodology_version, year, region_code, measure
-- check not_null: methodology_version, year, region_code, measure, base_population, hge, gazelles, jobs_created
-- check accepted_values: measure in ('employment','revenue')
-- check relationships: region_code -> ref.regions.region_code
-- check expression: gazelles_within_hge: gazelles <= hge and hge <= base_population
-- check expression: share_is_a_fraction: share is null or share between 0 and 1
with params as (
    select
        methodology_version,
        hg_growth_rate,
        hg_min_employees,
        hg_years,
        gazelle_max_age_years,
    from mart.methodology_growth_paths
),

measures as (
    select * from (values ('employment'), ('revenue')) as m (measure)
),

-- The population: in scope at t−3 with at least 10 employees then, alive with a filing at t−3 and at t.
population as (
    select
        p.*,
        e.uscc,
        e.year,
        e.county_code,
        e.established_on,
        s.employees as start_employees,
        e.employees as end_employees,
        s.revenue_wan as start_revenue_wan,
        e.revenue_wan as end_revenue_wan,
    from mart.enterprise_year as e
    cross join params as p
    inner join mart.enterprise_year as s on s.uscc = e.uscc and s.year = e.year - p.hg_years
    where e.alive_end and e.has_filing
        and s.alive_end and s.has_filing and s.in_scope and s.employees >= p.hg_min_employees
),

classified as (
    select
        po.methodology_version,
        po.year,
        po.county_code,
        m.measure,
        po.end_employees - po.start_employees as jobs,
        -- Growth undefined (no start revenue, or a missing end value) is not high growth.
        coalesce(
            case m.measure
                when 'employment' then annualised_growth(po.start_employees, po.end_employees, po.hg_years)
                else annualised_growth(po.start_revenue_wan, po.end_revenue_wan, po.hg_years)
            end > po.hg_growth_rate,
            false
        ) as is_hge,
        year(po.established_on) >= po.year - po.gazelle_max_age_years as is_young,
    from population as po
    cross join measures as m
),

counts as (
    select
        c.methodology_version,
        c.year,
        r.region_code,
        c.measure,
        count(*) as base_population,
        count(*) filter (where c.is_hge) as hge,
        count(*) filter (where c.is_hge and c.is_young) as gazelles,
        coalesce(sum(c.jobs) filter (where c.is_hge), 0) as jobs_created,
    from classified as c
    inner join staging.stg_region_rollup as r on c.county_code = r.county_code
    group by all
),

frame as (
    select
        p.methodology_version,
        y.year,
        r.region_code,
        m.measure,
    from params as p
    inner join staging.stg_years as y on y.year - p.hg_years >= (select min(year) from staging.stg_years)
    cross join ref.regions as r
    cross join measures as m
    where r.level in ('city', 'county')
),

final as (
    select
        f.methodology_version,
        f.year,
        f.region_code,
        f.measure,
        coalesce(c.base_population, 0)::integer as base_population,
        coalesce(c.hge, 0)::integer as hge,
        coalesce(c.gazelles, 0)::integer as gazelles,
        safe_div(c.hge, c.base_population) as share,
        coalesce(c.jobs_created, 0)::integer as jobs_created,
    from frame as f
    left join counts as c
        on f.methodology_version = c.methodology_version and f.year = c.year
        and f.region_code = c.region_code and f.measure = c.measure
)

select * from final
order by methodology_version, year, region_code, measure
