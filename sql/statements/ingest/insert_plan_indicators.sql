-- Loads the rows of validated plan indicators that passed every rule (outcome = 'loaded').
insert into raw.plan_indicators (
    file_id, source_file, source_line, year, quarter, region_code, indicator_no, value, department
)
select
    $file_id,
    $source_file,
    line,
    year_i,
    quarter_i,
    region_code,
    indicator_no_i,
    value_d,
    department
from _xw_checked
where outcome = 'loaded'
