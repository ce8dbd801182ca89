-- `xiaowei status`: rows and date ranges per raw table.
select
    'raw.registry' as table_name,
    count(*)::bigint as rows,
    count(distinct file_id)::bigint as files,
    min(as_of)::varchar || ' … ' || max(as_of)::varchar as range,
    count(distinct as_of)::bigint as snapshots
from raw.registry
union all
select
    'raw.enterprise_indicators',
    count(*)::bigint,
    count(distinct file_id)::bigint,
    min(year)::varchar || ' … ' || max(year)::varchar,
    null
from raw.enterprise_indicators
union all
select
    'raw.plan_indicators',
    count(*)::bigint,
    count(distinct file_id)::bigint,
    min(year)::varchar || ' … ' || max(year)::varchar,
    null
from raw.plan_indicators
