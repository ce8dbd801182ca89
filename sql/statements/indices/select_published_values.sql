-- The figures the previous build published (mart.published_values), to compare this build's with.
select
    cell_key,
    methodology_version,
    topic,
    year,
    period,
    region_code,
    measure,
    value,
    value_text,
    status,
    run_id
from mart.published_values
order by cell_key
