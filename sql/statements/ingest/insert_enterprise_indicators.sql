-- Loads the rows of validated enterprise indicators that passed every rule (outcome = 'loaded').
insert into raw.enterprise_indicators (
    file_id, source_file, source_line, uscc, uscc_check_ok, year, employees, revenue_wan, assets_wan, profit_wan,
    tax_wan, rd_expense_wan, tech_staff, exports_wan, is_above_scale, is_tech_sme, listing
)
select
    $file_id,
    $source_file,
    line,
    uscc,
    uscc_check_ok,
    year_i,
    employees_i,
    revenue_wan,
    assets_wan,
    profit_wan,
    tax_wan,
    rd_expense_wan,
    tech_staff_i,
    exports_wan,
    is_above_scale,
    is_tech_sme,
    listing
from _xw_checked
where outcome = 'loaded'
