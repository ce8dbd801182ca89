-- The months mart.monthly_flows covers, the latest complete one, and the snapshot they come from.
select
    min(month) as first_month,
    max(month) as last_month,
    max(month) filter (where not is_partial) as latest_complete_month,
    strftime(max(as_of), '%Y-%m-%d') as as_of,
    (select max(methodology_version) from mart.monthly_expected) as methodology_version,
from mart.monthly_flows
