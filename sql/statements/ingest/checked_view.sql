-- Every validated row with its outcome: _xw_row_checked (validate_<kind>.sql) and, for rows whose key repeats,
-- the duplicate verdict (_xw_dups, resolve_duplicates.sql). A view: the inserts and the summary read it.
-- Outcome: totals rows dropped; a failed rule or disagreeing copies quarantined; later exact copies dropped.
create or replace temp view _xw_checked as
select
    c.* exclude (dup_key),
    coalesce(
        c.row_failure, xw_fail(d.n_versions > 1, 'duplicate_conflict', d.conflict_column, d.conflict_detail)
    ) as failure,
    case
        when c.is_totals then 'dropped'
        when c.row_failure is not null or d.n_versions > 1 then 'quarantined'
        when d.copy_no > 1 then 'dropped'
        else 'loaded'
    end as outcome
from _xw_row_checked as c
left join _xw_dups as d on c.line = d.line
