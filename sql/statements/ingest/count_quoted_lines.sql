-- How many staged lines hold a quote: none means no record can span lines (quoted_line_candidates.sql is skipped).
select count(*)::integer as n
from _xw_raw_lines
where contains(txt, '"')
