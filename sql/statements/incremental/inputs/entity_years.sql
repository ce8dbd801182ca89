-- The enterprise-years mart.enterprise_year recomputes: every year of the firms whose earlier years change
-- (intermediate.entity_year_states over their rows only) and the new years of every other firm (over the new
-- years only: a row (uscc, t) of that view reads the firm's states and t, and its first year only to start at).
select * from ops.incremental_entity_years_of_firms__next
union all
select y.*
from ops.incremental_entity_years_of_new_years__next as y
anti join ops.incremental_firms__next as f on y.uscc = f.uscc
