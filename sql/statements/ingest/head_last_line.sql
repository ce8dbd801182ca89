-- The physical line of the $limit-th non-blank line of a staged text file (or its last line): how far down
-- head_records.sql reads. $delim is the file's delimiter (blank lines: xw_blank_line).
select coalesce(max(line), 0)::integer as last_line
from (
    select line
    from _xw_raw_lines
    where not xw_blank_line(txt, $delim)
    order by line
    limit $limit
)
