-- The eight 八大万亿产业 in their published order (ref.priority_industries), for the industry tables and selector.
select
    priority_industry,
from ref.priority_industries
order by sort_order, priority_industry
