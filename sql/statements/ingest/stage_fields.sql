-- One text column per contract column of the extract kind, from the data lines (line > 1) of _xw_lines:
-- spaces trimmed, '' → NULL, columns the file lacks NULL. The column list placeholder is built in stageLines.ts from the
-- contract's column names and 1-based field positions (identifiers quoted, positions integers).
create or replace temp table _xw_fields as
select
    line,
    txt,
    len(fields)::integer as nfields,
    quoting_ok,
    odd_quotes,
    {{columns}}
from _xw_lines
where line > 1
