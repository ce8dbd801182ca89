-- What two rows of a plan indicators sharing a key compare by (resolve_duplicates.sql): a valid row's typed values;
-- a refused row is a version of its own (it is quarantined whatever its copies are, and makes the valid rows
-- sharing its key disagree). A view over _xw_row_checked: only the rows whose key repeats are ever read.
create or replace temp view _xw_dup_content as
select
    c.line,
    c.dup_key,
    case
        when c.row_failure is null then {'v': row(
            c.value_d, c.department
        ), 'r': null}
        else {'v': null, 'r': c.line}
    end as content
from _xw_row_checked as c
