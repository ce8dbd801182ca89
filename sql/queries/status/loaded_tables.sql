-- The raw and ops tables present, as "schema.table" (status prints nothing more than an empty warehouse needs).
select table_schema || '.' || table_name as name
from information_schema.tables
where table_schema in ('raw', 'ops')
