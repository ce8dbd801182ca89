-- One quarantine row per refused input row: the first failed rule, the column it concerns and the row as read.
insert into ops.quarantine (file, sha256, line, column_name, reason, detail, raw)
select
    $file,
    $sha256,
    line,
    failure.column_name,
    failure.reason,
    failure.detail,
    txt
from _xw_checked
where outcome = 'quarantined'
order by line
