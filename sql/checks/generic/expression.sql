-- Generic check: rows for which the stated condition does NOT hold.
select *
from {{model}}
where not coalesce(({{condition}}), false)
