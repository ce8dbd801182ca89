-- Data appendix: quarantined rows by reason (counts only; the raw rows stay in ops.quarantine).
select
    reason,
    count(*)::integer as rows,
    count(distinct file)::integer as files
from ops.quarantine
group by reason
order by rows desc, reason
