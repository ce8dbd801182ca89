-- One text column per contract column of the extract kind, from the records below the header line
-- $header_line of _xw_lines, as a view (the validation model reads it in one pipeline): spaces trimmed,
-- '' → NULL, columns the file lacks NULL. The column list placeholder is built in stageLines.ts from the
-- contract's column names and 1-based field positions (identifiers quoted, positions integers). `is_totals`:
-- the row's first non-empty cell is 合计, 总计 or 小计 (a spreadsheet's totals row; dropped and counted, never
-- loaded as an enterprise).
create or replace temp view _xw_fields as
select
    line,
    txt,
    len(fields)::integer as nfields,
    quoting_ok,
    odd_quotes,
    line_failure,
    line_failure is null
    and contains(txt, '计')
    and regexp_full_match(txt, '[\s,\t"　]*[合总小][\s　]*计[\s"　]*([,\t][\s\S]*)?') as is_totals,
    {{columns}}
from _xw_lines
where line > {{header_line}}
