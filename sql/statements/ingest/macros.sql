-- Parsing and checking macros used by the validation models (temp: they live on the ingest connection).
-- Every parser returns NULL for text it cannot read; the caller turns "text present, value NULL" into a
-- quarantine reason, never into 0 or a guess.

-- A blank line is skipped, not read (data-contract §5): empty, spaces only, or only delimiters (an empty
-- spreadsheet row as Excel exports it: `,,,,`). A CR left by a CRLF line end does not count.
create or replace temp macro xw_blank_line(txt, delim) as (
    -- the prefix test first: it settles almost every line without building a trimmed copy (a CASE, so that
    -- the trim runs only where the prefix allows a blank line, also under NOT)
    case
        when txt = '' or starts_with(txt, ' ') or starts_with(txt, chr(13)) or starts_with(txt, delim)
            then trim(txt, delim || ' ' || chr(13)) = ''
        else false
    end
);

-- A field as a value: '' → NULL, surrounding spaces trimmed. The prefix/suffix test first: trim() builds a copy,
-- and almost no field needs one. (Only ASCII spaces: a tab or 全角 space fails a rule visibly.)
create or replace temp macro xw_clean(f) as (
    case when starts_with(f, ' ') or ends_with(f, ' ') then nullif(trim(f), '') else nullif(f, '') end
);

-- A date the extracts can plausibly carry (a typo like 0219-03-05 or 9999-12-31 is refused, not loaded).
create or replace temp macro xw_plausible_date(d) as (
    case when d between date '1900-01-01' and date '2099-12-31' then d end
);

-- Dates: 2019-03-05, 2019/3/5, 20190305, 2019年3月5日, an Excel serial (epoch 1899-12-30), or a timestamp at
-- midnight as Parquet/XLSX exports write it. Only plausible dates are dates: 1900-01-01 … 2099-12-31, and a
-- bare number is an Excel serial only from 18264 (1950-01-01) to 73050 (2099-12-31), so a year alone (2019,
-- which as a serial would be 1905-07-11) or a count is refused, never read as a date.
create or replace temp macro xw_parse_date(s) as (
    case
        when s is null then null
        -- the common case first, without a regular expression: exactly YYYY-MM-DD
        when s glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' then xw_plausible_date(try_cast(s as date))
        when regexp_full_match(s, '[1-9]\d{0,4}') then
            case when s::integer between 18264 and 73050 then date '1899-12-30' + s::integer end
        else xw_plausible_date(case
            when regexp_full_match(s, '\d{4}-\d{1,2}-\d{1,2}') then try_strptime(s, '%Y-%m-%d')::date
            when regexp_full_match(s, '\d{4}-\d{1,2}-\d{1,2}[ T]00:00(:00(\.0+)?)?Z?') then try_strptime(split_part(replace(s, 'T', ' '), ' ', 1), '%Y-%m-%d')::date
            when regexp_full_match(s, '\d{4}/\d{1,2}/\d{1,2}') then try_strptime(s, '%Y/%m/%d')::date
            when regexp_full_match(s, '\d{8}') then try_strptime(s, '%Y%m%d')::date
            when regexp_full_match(s, '\d{4}年\d{1,2}月\d{1,2}日') then try_strptime(s, '%Y年%m月%d日')::date
        end)
    end
);

-- The quarantine detail of a date that could not be read: the value, and for a bare number why it is not one.
create or replace temp macro xw_date_detail(s) as (
    case
        when regexp_full_match(s, '\d{1,7}') then
            s || ': a bare number is a date only as an Excel serial from 18264 (1950-01-01) to 73050 (2099-12-31)'
        else s
    end
);

-- Numbers: plain decimals or exponents, or with thousands separators (1,234.5). NaN/Infinity are not numbers.
create or replace temp macro xw_parse_num(s) as (
    case
        when s is null then null
        -- the common case first, without a regular expression: digits and dots only (try_cast refuses 1.2.3)
        when not (s glob '*[!0-9.]*') and s glob '*[0-9]*' then try_cast(s as double)
        when regexp_full_match(s, '[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?') then s::double
        when regexp_full_match(s, '[+-]?\d{1,3}(,\d{3})+(\.\d*)?') then replace(s, ',', '')::double
    end
);

-- Whole numbers (employees, staff): a number without a fractional part.
create or replace temp macro xw_parse_int(s) as (
    case
        when len(s) between 1 and 9 and not (s glob '*[!0-9]*') then s::integer
        when regexp_full_match(s, '[+-]?\d{1,9}') then s::integer
        when regexp_full_match(s, '[+-]?\d{1,9}\.0*') then split_part(s, '.', 1)::integer
        when regexp_full_match(s, '[+-]?\d{1,3}(,\d{3}){1,2}') then replace(s, ',', '')::integer
    end
);

-- 是/否 flags (English exports write true/false, Y/N or 1/0).
create or replace temp macro xw_parse_bool(s) as (
    case
        when s in ('是', 'Y', 'y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', '1') then true
        when s in ('否', 'N', 'n', 'no', 'No', 'NO', 'false', 'False', 'FALSE', '0') then false
    end
);

-- USCC shape (GB 32100-2015, reference.md §1.2): 18 characters, positions 3–8 digits.
create or replace temp macro xw_uscc_wellformed(s) as (
    regexp_full_match(s, '[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}')
);

-- Position 18: (31 − Σ value×3^(i−1) mod 31) mod 31 over the 31-character set (reference.md §1.3).
-- Unrolled (no lambda): this runs on every row of a 3M-row snapshot.
create or replace temp macro xw_uscc_check18_ok(s) as (
    s[18] = substr(
        '0123456789ABCDEFGHJKLMNPQRTUWXY',
        1 + (31 - (
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[1]) - 1) * 1 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[2]) - 1) * 3 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[3]) - 1) * 9 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[4]) - 1) * 27 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[5]) - 1) * 19 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[6]) - 1) * 26 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[7]) - 1) * 16 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[8]) - 1) * 17 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[9]) - 1) * 20 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[10]) - 1) * 29 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[11]) - 1) * 25 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[12]) - 1) * 13 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[13]) - 1) * 8 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[14]) - 1) * 24 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[15]) - 1) * 10 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[16]) - 1) * 30 +
            (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', s[17]) - 1) * 28
        ) % 31) % 31,
        1
    )
);

-- Position 17: GB 11714 check of the 8-character body (positions 9–16), values over the 36-character set,
-- 11 − Σ mod 11 with 10 → X and 11 → 0 (reference.md §1.4).
create or replace temp macro xw_uscc_body_ok(s) as (
    s[17] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0'][
        11 - (
            (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', s[9]) - 1) * 3 +
            (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', s[10]) - 1) * 7 +
            (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', s[11]) - 1) * 9 +
            (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', s[12]) - 1) * 10 +
            (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', s[13]) - 1) * 5 +
            (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', s[14]) - 1) * 8 +
            (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', s[15]) - 1) * 4 +
            (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', s[16]) - 1) * 2
        ) % 11
    ]
);

create or replace temp macro xw_uscc_check_ok(s) as (xw_uscc_check18_ok(s) and xw_uscc_body_ok(s));

-- A failed rule as one value, so the first failure of an ordered list can be picked with coalesce().
create or replace temp macro xw_fail(failed, reason, col, detail) as (
    case when failed then {'reason': reason, 'column_name': col, 'detail': detail} end
);

-- A number outside its column's plausible range, or not finite (1e309 reads as infinity, NaN compares false):
-- out_of_range. The bounds come from the contract columns (extractKinds.ts `range`).
create or replace temp macro xw_range_failure(x, lo, hi, col, raw) as (
    xw_fail(not (x between lo and hi), 'out_of_range', col,
        raw || ' is outside the plausible range ' || lo::varchar || ' … ' || hi::varchar)
);

-- The row-shape rules every extract kind checks first: too few fields (or an unclosed quote), too many,
-- and quoting the CSV pattern could not account for.
create or replace temp macro xw_shape_failure(nfields, expected, odd_quotes, quoting_ok) as (
    coalesce(
        xw_fail(nfields < expected or odd_quotes, 'row_truncated', null,
            'row has ' || nfields || ' fields, header has ' || expected),
        xw_fail(nfields > expected, 'row_too_long', null,
            'row has ' || nfields || ' fields, header has ' || expected),
        xw_fail(not quoting_ok, 'value_unparseable', null, 'malformed CSV quoting')
    )
);
