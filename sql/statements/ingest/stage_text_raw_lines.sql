-- Physical lines of a UTF-8 text extract, read and split by DuckDB (read_text), numbered from 1 (header = 1).
-- Materialized on its own: everything after an unnest of one big value would otherwise run on one thread.
create or replace temp table _xw_raw_lines as
select
    unnest(ls) as txt,
    generate_subscripts(ls, 1)::integer as line
from (select string_split(content, chr(10)) as ls from read_text($path))
