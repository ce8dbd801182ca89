-- Lines refused before parsing (_xw_line_faults, e.g. encoding_invalid: a GBK row in a UTF-8 file) join the
-- staged lines with their reason, so they are read, quarantined and counted like any refused row.
insert into _xw_lines
select
    line,
    raw as txt,
    []::varchar[] as fields,
    true as quoting_ok,
    false as odd_quotes,
    {'reason': reason, 'column_name': null::varchar, 'detail': detail} as line_failure
from _xw_line_faults
