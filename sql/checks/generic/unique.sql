-- Generic check: the key columns identify at most one row. Offending rows: duplicated keys.
select {{columns}}, count(*)::integer as n_rows
from {{model}}
group by all
having count(*) > 1
