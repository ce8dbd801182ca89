-- INTERNAL, enterprise-level: 股上市 candidates of year $year (methodology §9, 培育库候选名单). Never read by a report,
-- the dashboard or the site. Alive at the end of t, a 股份有限公司 (P3) not listed in t's filing (not P4), revenue ≥
-- listing_revenue_min_wan and profit > 0 in t and in t−1 (a missing t−1 filing does not qualify).
select
    g.uscc,
    e.name,
    coalesce(r.name_zh, g.county_code) as county_zh,
    g.industry_division,
    d.name_zh as industry_zh,
    g.entity_type,
    g.employees,
    g.revenue_wan,
    g.profit_wan,
    g.prev_profit_wan,
from mart.growth_path_enterprises as g
inner join mart.methodology_growth_paths as m on m.methodology_version = $methodology_version
inner join staging.stg_entities as e on g.uscc = e.uscc
left join ref.regions as r on g.county_code = r.region_code
left join ref.gbt4754_divisions as d on g.industry_division = d.division
where g.year = $year
    and g.alive_end
    and g.is_joint_stock
    and not g.is_listed
    and g.revenue_wan >= m.listing_revenue_min_wan
    and g.profit_wan > 0
    and g.prev_profit_wan > 0
order by g.county_code, g.revenue_wan desc, g.uscc
