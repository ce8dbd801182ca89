-- The §9 candidate thresholds of one methodology version, for the rules printed beside the internal lists.
select
    upgrade_revenue_share,
    upgrade_revenue_growth,
    joint_stock_revenue_min_wan,
    listing_revenue_min_wan,
from mart.methodology_growth_paths
where methodology_version = $methodology_version
