-- The extract dates of the rows this registry file loads (usually one).
select distinct as_of_on::varchar as as_of
from _xw_checked
where outcome = 'loaded'
