-- 1 row when mart.revisions has the shape of pipelines/publish (a warehouse not rebuilt since may still
-- hold the first release's table, which is never printed).
select 1 as present
from information_schema.columns
where table_schema = 'mart' and table_name = 'revisions' and column_name = 'cell_key'
