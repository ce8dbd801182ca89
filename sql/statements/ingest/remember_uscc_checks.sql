-- Adds the check-digit verdicts of codes this file brought for the first time (create_uscc_checks.sql):
-- validation marked them (uscc_check_new: not found in the cache), so no second lookup is needed.
insert into _xw_uscc_checks
select distinct
    uscc,
    uscc_check_ok
from _xw_row_checked
where uscc_check_new
