-- Lines that may belong to a record spanning lines (a quoted field with a line break, RFC 4180): every line
-- with an odd number of quotes, and the lines between two such lines when they are fewer than $max_lines
-- apart. planRecordJoins.ts decides which of them form one record. `odd` marks the odd-quote lines.
with odd as (
    select
        line,
        lead(line) over (order by line) as next_odd
    from _xw_raw_lines
    where contains(txt, '"') and (len(txt) - len(replace(txt, '"', ''))) % 2 = 1
),

spans as (
    select line as first_line, next_odd as last_line
    from odd
    where next_odd - line < $max_lines
),

final as (
    select r.line, rtrim(r.txt, chr(13)) as txt, r.line in (select o.line from odd as o) as odd
    from _xw_raw_lines as r
    where r.line in (select o.line from odd as o)
        or exists (select 1 from spans as s where r.line between s.first_line and s.last_line)
)

select * from final
order by line
