-- One quarantine row per refused input row: the first failed rule, the column it concerns and the row as read
-- (its text from _xw_texts: the checked rows do not carry it).
insert into ops.quarantine (file, sha256, line, column_name, reason, detail, raw)
select
    $file,
    $sha256,
    c.line,
    c.failure.column_name,
    c.failure.reason,
    c.failure.detail,
    t.txt
from _xw_checked as c
inner join _xw_texts as t on c.line = t.line
where c.outcome = 'quarantined'
