-- mart.enterprise_year, updated, as far as mart.growth_path_enterprises recomputes: every year of the firms whose
-- earlier years change, and for the others the new years and the year before them (t − 1).
select m.*
from mart.enterprise_year as m
semi join ops.incremental_firms__next as f on m.uscc = f.uscc
union all
select m.*
from mart.enterprise_year as m
anti join ops.incremental_firms__next as f on m.uscc = f.uscc
where m.year >= (select min(y.year) - 1 from ops.incremental_years__next as y)
