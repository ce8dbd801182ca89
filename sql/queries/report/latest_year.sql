-- The latest year with an index total for this methodology version (the dashboard's default year).
select max(year)::integer as year
from mart.growth_index
where methodology_version = $version and level = 'total'
