-- Validates staged "8631" plan indicators (_xw_fields) against data-contract.md §3 and §5.
-- Grain: one row per non-blank input row with typed values, the first failed rule and the outcome
-- (loaded | quarantined | dropped). Rule order: a line refused before parsing (encoding_invalid), row shape,
-- required_missing, year_invalid, indicator_no_invalid, value_unparseable, bad_enum (quarter), negative_value,
-- out_of_range, county_unknown (region_code), duplicate_conflict (year + quarter + region + indicator).
-- A totals row (合计/总计/小计) is dropped. Parameters: $expected_fields, $value_min, $value_max.
-- Leaves _xw_row_checked (row_failure, dup_key); sql/statements/ingest/resolve_duplicates.sql then adds
-- duplicate_conflict, the final `failure` and the outcome, giving _xw_checked.
create or replace temp table _xw_row_checked as
with typed as (
    select
        f.*,
        try_cast(f.year as integer) as year_i,
        try_cast(f.quarter as integer) as quarter_i,
        try_cast(f.indicator_no as integer) as indicator_no_i,
        xw_parse_num(f.value) as value_d,
        r.region_code is not null as region_known
    from _xw_fields as f
    left join ref.regions as r on f.region_code = r.region_code
),

row_checked as (
    select
        *,
        case when not is_totals then coalesce(
            line_failure,
            xw_shape_failure(nfields, $expected_fields::integer, odd_quotes, quoting_ok),
            xw_fail(year is null, 'required_missing', 'year', '年度 is empty'),
            xw_fail(region_code is null, 'required_missing', 'region_code', '行政区划代码 is empty'),
            xw_fail(indicator_no is null, 'required_missing', 'indicator_no', '指标序号 is empty'),
            xw_fail(value is null, 'required_missing', 'value', '数值 is empty'),
            xw_fail(not regexp_full_match(year, '\d{4}'), 'year_invalid', 'year', year),
            xw_fail(not regexp_full_match(indicator_no, '\d{1,2}') or indicator_no_i not between 1 and 19,
                'indicator_no_invalid', 'indicator_no', indicator_no),
            xw_fail(value_d is null, 'value_unparseable', 'value', value),
            xw_fail(quarter is not null and not regexp_full_match(quarter, '[1-4]'), 'bad_enum', 'quarter', quarter),
            xw_fail(value_d < 0, 'negative_value', 'value', value),
            xw_range_failure(value_d, $value_min::double, $value_max::double, 'value', value),
            xw_fail(not region_known, 'county_unknown', 'region_code', region_code)
        ) end as row_failure
    from typed
),

-- The duplicate key (NULL when the key itself is unusable); resolve_duplicates.sql compares the rows that share
-- one.
final as (
    -- neither the row's text nor the raw text of typed columns is kept: the typed values are enough downstream,
    -- and the quarantine takes a refused row's text from _xw_texts
    select
        * exclude (txt, year, quarter, indicator_no, value, nfields, quoting_ok, odd_quotes, line_failure, region_known),
        case when regexp_full_match(year, '\d{4}') and region_code is not null and indicator_no_i is not null
            and not is_totals then concat_ws('|', year, coalesce(quarter, '-'), region_code, indicator_no_i) end as dup_key,
        true as uscc_check_ok,
        null::date as as_of_on,
    from row_checked
)

select * from final
