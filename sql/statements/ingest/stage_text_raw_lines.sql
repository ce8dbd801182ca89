-- Physical lines of a UTF-8 text extract, read and split by DuckDB (read_text), numbered from 1.
-- $newline is chr(10) (LF and CRLF files; a CR before the LF is trimmed later) or chr(13) for a CR-only file
-- (Excel for Mac). Materialized on its own: everything after an unnest of one big value would otherwise run
-- on one thread.
create or replace temp table _xw_raw_lines as
select
    unnest(ls) as txt,
    generate_subscripts(ls, 1)::integer as line
from (select string_split(content, $newline) as ls from read_text($path))
