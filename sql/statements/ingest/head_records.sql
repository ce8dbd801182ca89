-- The first records of the staged file up to physical line $last_line, where the header is looked for
-- (findHeader.ts). The bound is pushed into the view, so only the top of the file is split into fields.
select line, fields
from _xw_lines
where line <= $last_line
order by line
