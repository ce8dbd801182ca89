-- Rows of one table; {{table}} is a quoted schema-qualified name built by the code from list_counted_tables.
select count(*)::double as n
from {{table}}
