-- Blank lines of a staged text file (skipped, not read: data-contract §5; xw_blank_line), reported in the ingest notes: how
-- many, and the first few. The empty piece after a final line end is not a line.
select
    count(*)::integer as count,
    coalesce(list(line order by line)[1:$show], []) as lines,
from _xw_raw_lines
where xw_blank_line(txt, $delim) and line < (select max(r.line) from _xw_raw_lines as r)
