-- Validates staged "8631" plan indicators (_xw_fields) against data-contract.md §3 and §5.
-- Grain: one row per non-blank input row with typed values, the first failed rule and the outcome
-- (loaded | quarantined | dropped). Rule order: row shape, required_missing, year_invalid,
-- indicator_no_invalid, value_unparseable, bad_enum (quarter), negative_value, county_unknown (region_code),
-- duplicate_conflict (year + quarter + region + indicator). Parameters: $expected_fields.
create or replace temp table _xw_checked as
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
        coalesce(
            xw_fail(nfields < $expected_fields::integer or odd_quotes, 'row_truncated', null,
                'row has ' || nfields || ' fields, header has ' || $expected_fields::integer),
            xw_fail(nfields > $expected_fields::integer, 'row_too_long', null,
                'row has ' || nfields || ' fields, header has ' || $expected_fields::integer),
            xw_fail(not quoting_ok, 'value_unparseable', null, 'malformed CSV quoting'),
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
            xw_fail(not region_known, 'county_unknown', 'region_code', region_code)
        ) as row_failure
    from typed
),

keyed as (
    select
        *,
        concat_ws('|', year, coalesce(quarter, '-'), region_code, indicator_no_i) as dup_key
    from row_checked
    where regexp_full_match(year, '\d{4}') and region_code is not null and indicator_no_i is not null
),

-- Only keys that occur more than once need their rows' contents compared. Rows agree when their typed
-- values agree; refused rows compare by their text.
repeated_keys as (
    select dup_key
    from keyed
    group by dup_key
    having count(*) > 1
),

repeated_rows as (
    select
        line,
        dup_key,
        case when row_failure is null then row(value_d, department)::varchar else '!' || txt end as content
    from keyed
    where dup_key in (select r.dup_key from repeated_keys as r)
),

dup_stats as (
    select
        line,
        count(distinct content) over (partition by dup_key) as n_versions,
        row_number() over (partition by dup_key, content order by line) as copy_no
    from repeated_rows
),

final as (
    select
        c.*,
        coalesce(c.row_failure, xw_fail(d.n_versions > 1, 'duplicate_conflict', 'indicator_no',
            'rows for this 年度, 季度, 行政区划代码 and 指标序号 disagree')) as failure,
        case
            when c.row_failure is not null or d.n_versions > 1 then 'quarantined'
            when d.copy_no > 1 then 'dropped'
            else 'loaded'
        end as outcome,
        true as uscc_check_ok,
        null::date as as_of_on
    from row_checked as c
    left join dup_stats as d on c.line = d.line
)

select * from final
