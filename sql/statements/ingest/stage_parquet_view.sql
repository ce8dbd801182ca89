-- The staged records of a Parquet extract under the names validation and the quarantine read (as for text:
-- stage_text_texts.sql, stage_text_lines.sql).
create or replace temp view _xw_texts as
select line, txt, line_failure
from _xw_parquet_lines;

create or replace temp view _xw_lines as
select * from _xw_parquet_lines
