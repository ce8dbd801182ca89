-- Validates a staged registry snapshot (_xw_fields: one text column per contract column) against
-- data-contract.md §1 and §5. Grain: one row per non-blank input row, with its typed values, the first failed
-- rule (`failure`, null when none) and its outcome: loaded | quarantined | dropped (a later exact copy).
-- Rule order (the first failure is reported): a line refused before parsing (encoding_invalid), row shape,
-- required_missing, uscc_malformed, date_unparseable, value_unparseable, bad_enum, negative_value,
-- out_of_range, date_future, closed_on_missing, closed_before_established, county_unknown, duplicate_conflict.
-- A totals row (合计/总计/小计) is checked by no rule: it is dropped (resolve_duplicates.sql).
-- Parameters: $expected_fields (header width), $as_of_default (file-name date or ''), the unit factors
-- $registered_capital_mul / _div (to 万元) and the plausible range $registered_capital_min / _max.
-- Leaves _xw_row_checked (row_failure, dup_key); sql/statements/ingest/resolve_duplicates.sql then adds
-- duplicate_conflict, the final `failure` and the outcome, giving _xw_checked.
create or replace temp table _xw_row_checked as
with typed as (
    select
        f.*,
        coalesce(xw_parse_date(f.as_of), nullif($as_of_default, '')::date) as as_of_on,
        xw_parse_date(f.established_on) as established_on_d,
        xw_parse_date(f.closed_on) as closed_on_d,
        xw_parse_date(f.converted_on) as converted_on_d,
        xw_parse_num(f.registered_capital) * $registered_capital_mul::double / $registered_capital_div::double
            as registered_capital_wan,
        xw_parse_bool(f.converted) as converted_b,
        upper(f.industry_code) as industry_code_u,
        r.region_code is not null as county_known,
        k.check_ok as known_check_ok,
        xw_uscc_wellformed(f.uscc) as uscc_wellformed
    from _xw_fields as f
    left join ref.regions as r on f.county_code = r.region_code
    left join _xw_uscc_checks as k on f.uscc = k.uscc
),

row_checked as (
    select
        *,
        case when not is_totals then coalesce(
            line_failure,
            xw_shape_failure(nfields, $expected_fields::integer, odd_quotes, quoting_ok),
            xw_fail(uscc is null, 'required_missing', 'uscc', '统一社会信用代码 is empty'),
            xw_fail(name is null, 'required_missing', 'name', '企业名称 is empty'),
            xw_fail(established_on is null, 'required_missing', 'established_on', '成立日期 is empty'),
            xw_fail(as_of is null and as_of_on is null, 'required_missing', 'as_of', 'no extract date'),
            xw_fail(not uscc_wellformed, 'uscc_malformed', 'uscc', 'not an 18-character USCC: ' || uscc),
            xw_fail(not xw_uscc_wellformed(previous_uscc), 'uscc_malformed', 'previous_uscc',
                'not an 18-character USCC: ' || previous_uscc),
            xw_fail(established_on_d is null, 'date_unparseable', 'established_on', xw_date_detail(established_on)),
            xw_fail(closed_on is not null and closed_on_d is null, 'date_unparseable', 'closed_on', xw_date_detail(closed_on)),
            xw_fail(converted_on is not null and converted_on_d is null, 'date_unparseable', 'converted_on', xw_date_detail(converted_on)),
            xw_fail(as_of is not null and xw_parse_date(as_of) is null, 'date_unparseable', 'as_of', xw_date_detail(as_of)),
            xw_fail(registered_capital is not null and registered_capital_wan is null, 'value_unparseable',
                'registered_capital', registered_capital),
            xw_fail(not regexp_full_match(industry_code_u, '[A-T]?\d{2,4}'), 'value_unparseable', 'industry_code',
                industry_code),
            xw_fail(status not in ('存续', '在业', '迁出', '注销', '吊销'), 'bad_enum', 'status', status),
            xw_fail(converted is not null and converted_b is null, 'bad_enum', 'converted', converted),
            xw_fail(priority_industry not in ('信息经济', '环保', '健康', '旅游', '时尚', '金融', '高端装备制造', '文化', '无'),
                'bad_enum', 'priority_industry', priority_industry),
            xw_fail(registered_capital_wan < 0, 'negative_value', 'registered_capital', registered_capital),
            xw_range_failure(registered_capital_wan, $registered_capital_min::double, $registered_capital_max::double,
                'registered_capital', registered_capital),
            xw_fail(established_on_d > as_of_on, 'date_future', 'established_on',
                established_on || ' is after the extract date ' || as_of_on),
            xw_fail(closed_on_d > as_of_on, 'date_future', 'closed_on',
                closed_on || ' is after the extract date ' || as_of_on),
            xw_fail(converted_on_d > as_of_on, 'date_future', 'converted_on',
                converted_on || ' is after the extract date ' || as_of_on),
            xw_fail(status in ('注销', '吊销') and closed_on_d is null, 'closed_on_missing', 'closed_on',
                'status ' || status || ' without 注销（吊销）日期'),
            xw_fail(closed_on_d < established_on_d, 'closed_before_established', 'closed_on',
                closed_on || ' is before 成立日期 ' || established_on),
            xw_fail(county_code is not null and not county_known, 'county_unknown', 'county_code', county_code)
        ) end as row_failure
    from typed
),

-- The duplicate key (NULL when the key itself is unusable); resolve_duplicates.sql compares the rows that share
-- one.
final as (
    -- neither the row's text nor the raw text of typed columns is kept: the typed values are enough downstream,
    -- and the quarantine takes a refused row's text from _xw_texts
    select
        * exclude (txt, established_on, closed_on, converted_on, registered_capital, converted, industry_code, as_of, nfields, quoting_ok, odd_quotes, line_failure, county_known, known_check_ok, uscc_wellformed),
        case when uscc_wellformed and not is_totals then uscc end as dup_key,
        -- a verdict computed for an earlier file is reused (create_uscc_checks.sql)
        case when known_check_ok is not null then known_check_ok else coalesce(xw_uscc_check_ok(uscc), false) end
            as uscc_check_ok,
        known_check_ok is null and uscc is not null as uscc_check_new,
    from row_checked
)

select * from final
