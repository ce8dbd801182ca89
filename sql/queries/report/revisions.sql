-- Published values changed by late data (mart.revisions is optional; read only when present).
select *
from mart.revisions
