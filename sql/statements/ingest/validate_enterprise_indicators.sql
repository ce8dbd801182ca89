-- Validates staged enterprise annual indicators (_xw_fields) against data-contract.md §2 and §5.
-- Grain: one row per non-blank input row with typed values, the first failed rule and the outcome
-- (loaded | quarantined | dropped). Rule order: a line refused before parsing (encoding_invalid), row shape,
-- required_missing, uscc_malformed, year_invalid, value_unparseable, bad_enum, negative_value, out_of_range,
-- tech_staff_exceeds_employees, duplicate_conflict (uscc + year). A totals row (合计/总计/小计) is dropped.
-- Parameters: $expected_fields; per money column the unit factors to 万元 ($revenue_mul, $revenue_div …: 1 and
-- 10000 for 元); per numeric column its plausible range ($revenue_min, $revenue_max …, extractKinds.ts).
-- Leaves _xw_row_checked (row_failure, dup_key); sql/statements/ingest/resolve_duplicates.sql then adds
-- duplicate_conflict, the final `failure` and the outcome, giving _xw_checked.
create or replace temp table _xw_row_checked as
with typed as (
    select
        f.*,
        try_cast(f.year as integer) as year_i,
        xw_parse_int(f.employees) as employees_i,
        xw_parse_num(f.revenue) * $revenue_mul::double / $revenue_div::double as revenue_wan,
        xw_parse_num(f.assets) * $assets_mul::double / $assets_div::double as assets_wan,
        xw_parse_num(f.profit) * $profit_mul::double / $profit_div::double as profit_wan,
        xw_parse_num(f.tax) * $tax_mul::double / $tax_div::double as tax_wan,
        xw_parse_num(f.rd_expense) * $rd_expense_mul::double / $rd_expense_div::double as rd_expense_wan,
        xw_parse_int(f.tech_staff) as tech_staff_i,
        xw_parse_num(f.exports) * $exports_mul::double / $exports_div::double as exports_wan,
        xw_parse_bool(f.above_scale) as is_above_scale,
        xw_parse_bool(f.tech_sme) as is_tech_sme,
        k.check_ok as known_check_ok,
        xw_uscc_wellformed(f.uscc) as uscc_wellformed,
        regexp_full_match(f.year, '\d{4}') as year_wellformed
    from _xw_fields as f
    left join _xw_uscc_checks as k on f.uscc = k.uscc
),

row_checked as (
    select
        *,
        case when not is_totals then coalesce(
            line_failure,
            xw_shape_failure(nfields, $expected_fields::integer, odd_quotes, quoting_ok),
            xw_fail(uscc is null, 'required_missing', 'uscc', '统一社会信用代码 is empty'),
            xw_fail(year is null, 'required_missing', 'year', '年度 is empty'),
            xw_fail(not uscc_wellformed, 'uscc_malformed', 'uscc', 'not an 18-character USCC: ' || uscc),
            xw_fail(not year_wellformed, 'year_invalid', 'year', year),
            xw_fail(employees is not null and employees_i is null, 'value_unparseable', 'employees', employees),
            xw_fail(revenue is not null and revenue_wan is null, 'value_unparseable', 'revenue', revenue),
            xw_fail(assets is not null and assets_wan is null, 'value_unparseable', 'assets', assets),
            xw_fail(profit is not null and profit_wan is null, 'value_unparseable', 'profit', profit),
            xw_fail(tax is not null and tax_wan is null, 'value_unparseable', 'tax', tax),
            xw_fail(rd_expense is not null and rd_expense_wan is null, 'value_unparseable', 'rd_expense', rd_expense),
            xw_fail(tech_staff is not null and tech_staff_i is null, 'value_unparseable', 'tech_staff', tech_staff),
            xw_fail(exports is not null and exports_wan is null, 'value_unparseable', 'exports', exports),
            xw_fail(above_scale is not null and is_above_scale is null, 'bad_enum', 'above_scale', above_scale),
            xw_fail(tech_sme is not null and is_tech_sme is null, 'bad_enum', 'tech_sme', tech_sme),
            xw_fail(listing not in ('新三板', '浙江股权交易中心', '上市'), 'bad_enum', 'listing', listing),
            xw_fail(employees_i < 0, 'negative_value', 'employees', employees),
            xw_fail(revenue_wan < 0, 'negative_value', 'revenue', revenue),
            xw_fail(assets_wan < 0, 'negative_value', 'assets', assets),
            xw_fail(tax_wan < 0, 'negative_value', 'tax', tax),
            xw_fail(rd_expense_wan < 0, 'negative_value', 'rd_expense', rd_expense),
            xw_fail(tech_staff_i < 0, 'negative_value', 'tech_staff', tech_staff),
            xw_fail(exports_wan < 0, 'negative_value', 'exports', exports),
            xw_range_failure(employees_i, $employees_min::double, $employees_max::double, 'employees', employees),
            xw_range_failure(revenue_wan, $revenue_min::double, $revenue_max::double, 'revenue', revenue),
            xw_range_failure(assets_wan, $assets_min::double, $assets_max::double, 'assets', assets),
            xw_range_failure(profit_wan, $profit_min::double, $profit_max::double, 'profit', profit),
            xw_range_failure(tax_wan, $tax_min::double, $tax_max::double, 'tax', tax),
            xw_range_failure(rd_expense_wan, $rd_expense_min::double, $rd_expense_max::double, 'rd_expense', rd_expense),
            xw_range_failure(tech_staff_i, $tech_staff_min::double, $tech_staff_max::double, 'tech_staff', tech_staff),
            xw_range_failure(exports_wan, $exports_min::double, $exports_max::double, 'exports', exports),
            xw_fail(tech_staff_i > employees_i, 'tech_staff_exceeds_employees', 'tech_staff',
                '科技人员 ' || tech_staff_i || ' > 从业人员 ' || employees_i)
        ) end as row_failure
    from typed
),

-- The duplicate key (NULL when the key itself is unusable); resolve_duplicates.sql compares the rows that share
-- one.
final as (
    -- neither the row's text nor the raw text of typed columns is kept: the typed values are enough downstream,
    -- and the quarantine takes a refused row's text from _xw_texts
    select
        * exclude (txt, year, employees, revenue, assets, profit, tax, rd_expense, tech_staff, exports, above_scale, tech_sme, nfields, quoting_ok, odd_quotes, line_failure, known_check_ok, uscc_wellformed, year_wellformed),
        case when uscc_wellformed and year_wellformed and not is_totals then uscc || '|' || year end
            as dup_key,
        -- a verdict computed for an earlier file is reused (create_uscc_checks.sql)
        case when known_check_ok is not null then known_check_ok else coalesce(xw_uscc_check_ok(uscc), false) end
            as uscc_check_ok,
        known_check_ok is null and uscc is not null as uscc_check_new,
        null::date as as_of_on,
    from row_checked
)

select * from final
