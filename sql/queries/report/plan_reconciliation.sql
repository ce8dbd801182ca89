-- Registry flows against the departments' reports (indicators 4, 6, 7, 8), every version, region and year.
select
    methodology_version,
    year,
    region_code,
    indicator_no,
    indicator_zh,
    registry_value,
    reported_value,
    difference,
    ratio,
    flagged,
from mart.plan_reconciliation
order by methodology_version, year, region_code, indicator_no
