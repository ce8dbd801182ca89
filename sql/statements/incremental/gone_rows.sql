-- The live rows of a model an incremental build replaces, by row id: the rows it inserts may share their keys.
create table {{gone}} as
select m.rowid as row_id
from {{live}} as m
semi join {{recomputed}} as g on {{key_match}}
