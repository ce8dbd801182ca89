-- Every monthly flow count, the cells the publication layer decides on (pipelines/publish/monthlyFlowCells.ts).
select
    region_code,
    month,
    metric,
    value::integer as value,
from mart.monthly_flows
order by month, metric, region_code
