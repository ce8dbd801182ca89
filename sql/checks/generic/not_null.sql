-- Generic check: the column never holds NULL. Offending rows: the rows where it does.
select *
from {{model}}
where {{column}} is null
