-- Whether the reference tables are loaded (ingest checks region codes against ref.regions).
select 1 as loaded
from information_schema.tables
where table_schema = 'ref' and table_name = 'regions';
