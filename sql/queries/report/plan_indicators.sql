-- The 19 "8631" indicators of the plan's annex. Grain: one row per indicator.
select
    indicator_no::integer as indicator_no,
    name_zh,
    unit,
    kind,
    target_2020::double as target_2020,
    department
from ref.plan_indicators
order by indicator_no
