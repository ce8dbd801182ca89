-- Columns of mart.revisions, to recognise the table of the first release (table_name, measure, old_value…).
select column_name
from information_schema.columns
where table_schema = 'mart' and table_name = 'revisions'
order by ordinal_position
