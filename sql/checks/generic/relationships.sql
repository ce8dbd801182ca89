-- Generic check: every non-null value has a match in the referenced table's column.
select m.{{column}} as value, count(*)::integer as n_rows
from {{model}} as m
left join {{to_model}} as r on m.{{column}} = r.{{to_column}}
where m.{{column}} is not null and r.{{to_column}} is null
group by all
