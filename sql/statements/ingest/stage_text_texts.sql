-- The text of every record of a staged text file, by line, as a view: each physical line (records spanning
-- lines already joined) with the BOM of line 1 and a CRLF's CR removed, and each line refused before parsing
-- (_xw_line_faults: undecodable) with its failure and its text as well as it decodes. _xw_lines splits these;
-- the quarantine takes a refused row's raw text from here.
create or replace temp view _xw_texts as
select
    line,
    case
        when line = 1 then rtrim(ltrim(txt, chr(65279)), chr(13))
        when suffix(txt, chr(13)) then rtrim(txt, chr(13))
        else txt
    end as txt,
    null::struct(reason varchar, column_name varchar, detail varchar) as line_failure
from _xw_raw_lines
where txt <> '' -- an undecodable line is empty in the decoded copy: its text comes from _xw_line_faults
union all
select
    line,
    raw as txt,
    {'reason': reason, 'column_name': null::varchar, 'detail': detail} as line_failure
from _xw_line_faults
