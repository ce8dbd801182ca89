-- Generic check: the column only takes the listed values (NULL allowed; pair with not_null).
select {{column}} as value, count(*)::integer as n_rows
from {{model}}
where {{column}} is not null and {{column}} not in ({{values}})
group by all
