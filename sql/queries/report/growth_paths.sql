-- Growth-path flows of every region and year (listings per board), for the publication layer.
select year, region_code, flow, board, stage_from, enterprises, base_enterprises, rate
from mart.growth_paths
order by year, region_code, sort_order
