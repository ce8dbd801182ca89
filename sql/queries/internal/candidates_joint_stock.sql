-- INTERNAL, enterprise-level: 规改股 candidates of year $year (methodology §9, 培育库候选名单). Never read by a report,
-- the dashboard or the site. Alive at the end of t, 规上 in t's filing (P2), registered as an 有限责任公司 (any
-- 有限责任公司… form) at the end of t, revenue ≥ joint_stock_revenue_min_wan.
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
from mart.growth_path_enterprises as g
inner join mart.methodology_growth_paths as m on m.methodology_version = $methodology_version
inner join staging.stg_entities as e on g.uscc = e.uscc
left join ref.regions as r on g.county_code = r.region_code
left join ref.gbt4754_divisions as d on g.industry_division = d.division
where g.year = $year
    and g.alive_end
    and g.is_above_scale
    and g.is_limited_company
    and g.revenue_wan >= m.joint_stock_revenue_min_wan
order by g.county_code, g.revenue_wan desc, g.uscc
