-- Validates staged enterprise annual indicators (_xw_fields) against data-contract.md §2 and §5.
-- Grain: one row per non-blank input row with typed values, the first failed rule and the outcome
-- (loaded | quarantined | dropped). Rule order: a line refused before parsing (encoding_invalid), row shape,
-- required_missing, uscc_malformed, year_invalid, value_unparseable, bad_enum, negative_value, out_of_range,
-- tech_staff_exceeds_employees, duplicate_conflict (uscc + year). A totals row (合计/总计/小计) is dropped.
-- Parameters: $expected_fields; per money column the unit factors to 万元 ($revenue_mul, $revenue_div …: 1 and
-- 10000 for 元); per numeric column its plausible range ($revenue_min, $revenue_max …, extractKinds.ts).
-- Leaves _xw_row_checked (row_failure, dup_key, dup_content); sql/statements/ingest/resolve_duplicates.sql then adds
-- duplicate_conflict, the final `failure` and the outcome, giving _xw_checked.
create or replace temp table _xw_row_checked as
with typed as (
    select
        *,
        try_cast(year as integer) as year_i,
        xw_parse_int(employees) as employees_i,
        xw_parse_num(revenue) * $revenue_mul::double / $revenue_div::double as revenue_wan,
        xw_parse_num(assets) * $assets_mul::double / $assets_div::double as assets_wan,
        xw_parse_num(profit) * $profit_mul::double / $profit_div::double as profit_wan,
        xw_parse_num(tax) * $tax_mul::double / $tax_div::double as tax_wan,
        xw_parse_num(rd_expense) * $rd_expense_mul::double / $rd_expense_div::double as rd_expense_wan,
        xw_parse_int(tech_staff) as tech_staff_i,
        xw_parse_num(exports) * $exports_mul::double / $exports_div::double as exports_wan,
        xw_parse_bool(above_scale) as is_above_scale,
        xw_parse_bool(tech_sme) as is_tech_sme
    from _xw_fields
),

row_checked as (
    select
        *,
        case when not is_totals then coalesce(
            line_failure,
            xw_shape_failure(nfields, $expected_fields::integer, odd_quotes, quoting_ok),
            xw_fail(uscc is null, 'required_missing', 'uscc', '统一社会信用代码 is empty'),
            xw_fail(year is null, 'required_missing', 'year', '年度 is empty'),
            xw_fail(not xw_uscc_wellformed(uscc), 'uscc_malformed', 'uscc', 'not an 18-character USCC: ' || uscc),
            xw_fail(not regexp_full_match(year, '\d{4}'), 'year_invalid', 'year', year),
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

-- The duplicate key (NULL when the key itself is unusable) and the row's content for comparing copies:
-- typed values for a valid row, the raw text for a refused one. resolve_duplicates.sql finishes the job.
final as (
    select
        *,
        case when xw_uscc_wellformed(uscc) and regexp_full_match(year, '\d{4}') and not is_totals then uscc || '|' || year end
            as dup_key,
        case
            when row_failure is null then row(employees_i, revenue_wan, assets_wan, profit_wan, tax_wan, rd_expense_wan, tech_staff_i,
                exports_wan, is_above_scale, is_tech_sme, listing)::varchar
            else '!' || txt
        end as dup_content,
        coalesce(xw_uscc_check_ok(uscc), false) as uscc_check_ok,
        null::date as as_of_on,
    from row_checked
)

select * from final
