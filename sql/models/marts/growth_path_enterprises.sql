-- model: mart.growth_path_enterprises
-- materialized: table
-- grain: one row per enterprise per year, as mart.enterprise_year, with what the growth paths of methodology §9
--   need: its registered type at the end of t (and t−1), its listing board in t's (and t−1's) filing and the
--   flows it makes in t. ENTERPRISE-LEVEL: feeds the aggregate marts and the internal 培育库 candidate lists
--   only; no report, dashboard or site query may read it.
-- depends_on: mart.enterprise_year, staging.stg_entities, staging.stg_years
-- check unique: uscc, year
-- check not_null: uscc, year, county_code, is_joint_stock, is_limited_company, is_listed, alive_end, in_scope
-- check accepted_values: listing in ('新三板','浙江股权交易中心','上市')
-- check expression: reform_needs_joint_stock: not coalesce(is_joint_stock_reform, false) or is_joint_stock
-- check expression: new_listing_is_listed: not coalesce(is_new_listing, false) or is_listed
-- check expression: upgrade_time_known: (years_to_upgrade is not null) = coalesce(is_upgrade, false)
--
-- Type at the end of t = the latest registry snapshot dated on or before 31 Dec t (data-contract §5; mart.enterprise_year
-- takes it with the county), so a change to 股份有限公司 shows in the year of the first snapshot that carries it.
-- Type names are matched by prefix: 有限责任公司（自然人独资） is an 有限责任公司, and a 股份有限公司（上市） is a 股份有限公司.
with first_year as (
    select min(year) as year from staging.stg_years
),

enriched as (
    select
        ey.uscc,
        ey.year,
        ey.county_code,
        ey.industry_division,
        e.above_scale_group,
        ey.established_on,
        ey.is_converted,
        ey.converted_on,
        ey.alive_end,
        ey.in_scope,
        ey.has_filing,
        ey.is_above_scale,
        ey.is_conversion,
        ey.employees,
        ey.revenue_wan,
        ey.profit_wan,
        ey.entity_type,
        coalesce(ey.entity_type like '股份有限公司%', false) as is_joint_stock,
        coalesce(ey.entity_type like '有限责任公司%', false) as is_limited_company,
        ey.listing,
    from mart.enterprise_year as ey
    inner join staging.stg_entities as e on ey.uscc = e.uscc
),

-- What t−1 says, keyed by t: read straight from mart.enterprise_year (joining enriched to itself would make DuckDB
-- materialise all of it).
previous as (
    select
        uscc,
        year + 1 as year,
        has_filing,
        revenue_wan,
        profit_wan,
        alive_end,
        in_scope,
        entity_type,
        coalesce(entity_type like '股份有限公司%', false) as is_joint_stock,
        listing,
    from mart.enterprise_year
),

final as (
    select
        c.uscc,
        c.year,
        c.county_code,
        c.industry_division,
        c.above_scale_group,
        c.established_on,
        c.is_converted,
        c.converted_on,
        c.alive_end,
        c.in_scope,
        c.has_filing,
        c.is_above_scale,
        c.entity_type,
        c.is_joint_stock,
        c.is_limited_company,
        c.listing,
        c.listing is not null as is_listed,
        c.employees,
        c.revenue_wan,
        c.profit_wan,
        p.has_filing as prev_has_filing,
        p.revenue_wan as prev_revenue_wan,
        p.profit_wan as prev_profit_wan,
        -- Flows in t (§9). 个转企 and 小升规 are exactly §2/§7: in scope for a conversion; alive and in scope at the
        -- end of t−1 (no filing then counts as in scope) and 规上/限上 in t for an upgrade.
        c.is_conversion and c.in_scope as is_conversion,
        -- The first data year has no t−1: its upgrades, reforms and new listings are unknown, not 0.
        case when c.year > f.year then c.is_above_scale and coalesce(p.alive_end and p.in_scope, false) end
            as is_upgrade,
        -- 规改股 is a change of type, any size: registered at the end of t−1 as something other than a 股份有限公司
        -- and as one at the end of t. A firm founded as a 股份有限公司 is a birth, not a 规改股.
        case when c.year > f.year then c.is_joint_stock and p.entity_type is not null and not p.is_joint_stock end
            as is_joint_stock_reform,
        -- Newly listed: listed in t's filing and not in t−1's (no t−1 filing counts as not listed), any size.
        case when c.year > f.year then c.listing is not null and p.listing is null end as is_new_listing,
        -- Years from establishment (or from 个转企 for a converted firm) to the 小升规 year.
        case
            when c.year > f.year and c.is_above_scale and coalesce(p.alive_end and p.in_scope, false)
                then c.year - year(case when c.is_converted then c.converted_on else c.established_on end)
        end as years_to_upgrade,
    from enriched as c
    cross join first_year as f
    left join previous as p on c.uscc = p.uscc and c.year = p.year
)

select * from final
