-- Row accounting of one validated file: read = loaded + quarantined + dropped; flagged ⊂ loaded; totals rows
-- (合计/总计) ⊂ dropped, with their lines.
select
    count(*)::bigint as rows_read,
    count(*) filter (where outcome = 'loaded')::bigint as rows_loaded,
    count(*) filter (where outcome = 'quarantined')::bigint as rows_quarantined,
    count(*) filter (where outcome = 'dropped')::bigint as rows_dropped,
    count(*) filter (where is_totals)::bigint as rows_totals,
    coalesce(string_agg(line::varchar, ', ' order by line) filter (where is_totals), '') as totals_lines,
    count(*) filter (where outcome = 'loaded' and not uscc_check_ok)::bigint as rows_flagged,
    max(as_of_on) as as_of
from _xw_checked
