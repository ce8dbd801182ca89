-- Replaces the lines of each record that spans lines (_xw_joined: first_line, last_line, the joined text) by
-- one line numbered with its first physical line, so `read` counts records and line numbers stay physical.
delete from _xw_raw_lines as r
using _xw_joined as j
where r.line > j.first_line and r.line <= j.last_line;

update _xw_raw_lines as r
set txt = j.txt
from _xw_joined as j
where r.line = j.first_line;
