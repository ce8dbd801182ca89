-- Loads the rows of a validated registry snapshot that passed every rule (outcome = 'loaded').
insert into raw.registry (
    file_id, source_file, source_line, as_of, uscc, uscc_check_ok, name, entity_type, established_on, status,
    closed_on, county_code, industry_code, industry_division, registered_capital_wan, converted, converted_on,
    previous_uscc, priority_industry
)
select
    $file_id,
    $source_file,
    line,
    as_of_on,
    uscc,
    uscc_check_ok,
    name,
    entity_type,
    established_on_d,
    status,
    closed_on_d,
    county_code,
    industry_code_u,
    -- validated as [A-T]?\d{2,4}: the division is the two digits after an optional section letter
    case when industry_code_u glob '[A-T]*' then industry_code_u[2:3] else industry_code_u[1:2] end,
    registered_capital_wan,
    converted_b,
    converted_on_d,
    previous_uscc,
    priority_industry
from _xw_checked
where outcome = 'loaded'
