-- INTERNAL, enterprise-level: 小升规 candidates of year $year (methodology §9, 培育库候选名单). Never read by a report,
-- the dashboard or the site. In scope and alive at the end of t, in an industry with an above-scale threshold,
-- revenue ≥ upgrade_revenue_share × that threshold, and revenue growth t−1 → t ≥ upgrade_revenue_growth or no
-- t−1 revenue to compare with (no filing, no revenue, or 0: growth unbounded).
select
    g.uscc,
    e.name,
    coalesce(r.name_zh, g.county_code) as county_zh,
    g.industry_division,
    d.name_zh as industry_zh,
    g.entity_type,
    g.employees,
    t.revenue_min_wan as threshold_wan,
    g.revenue_wan,
    safe_div(g.revenue_wan, t.revenue_min_wan) as share_of_threshold,
    g.prev_revenue_wan,
    annualised_growth(g.prev_revenue_wan, g.revenue_wan, 1) as revenue_growth,
from mart.growth_path_enterprises as g
inner join mart.methodology_growth_paths as m on m.methodology_version = $methodology_version
inner join ref.above_scale_thresholds as t on g.above_scale_group = t.above_scale_group
inner join staging.stg_entities as e on g.uscc = e.uscc
left join ref.regions as r on g.county_code = r.region_code
left join ref.gbt4754_divisions as d on g.industry_division = d.division
where g.year = $year
    and g.alive_end
    and g.in_scope
    and g.has_filing
    and g.revenue_wan >= round(m.upgrade_revenue_share * t.revenue_min_wan, 9)
    and (
        g.prev_revenue_wan is null
        or g.prev_revenue_wan <= 0
        or annualised_growth(g.prev_revenue_wan, g.revenue_wan, 1) >= m.upgrade_revenue_growth
    )
order by g.county_code, g.revenue_wan desc, g.uscc
