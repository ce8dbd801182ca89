-- `xiaowei status`: quarantined rows by reason.
select reason, count(*)::bigint as rows, count(distinct file)::bigint as files
from ops.quarantine
group by reason
order by rows desc, reason
