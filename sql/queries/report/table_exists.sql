-- 1 row when schema.table exists (optional tables such as ops.build_log and mart.revisions).
select 1 as present
from information_schema.tables
where table_schema = $schema and table_name = $name
