-- Splits the physical lines of a text extract (_xw_raw_lines, from stage_text_raw_lines.sql) into fields.
-- JavaScript never holds the file. `line` is the physical line number (header = 1); blank lines are dropped
-- here but keep their numbers, so later lines are numbered as an editor shows them.
-- Lines without a quote split on the delimiter; quoted lines go through a CSV field pattern, and
-- `quoting_ok` is false when the pattern cannot account for every character (an unclosed quote, text after
-- a closing quote). A record spanning lines (a quoted line break) was joined into its first line before
-- (apply_record_joins.sql). `line_failure` is set only on lines refused before parsing (line_faults.sql).
-- The delim_sql placeholder is replaced by ',' or chr(9) and delim_re by ',' or \t (a closed set chosen in stageTextLines.ts).
create or replace temp table _xw_lines as
with cleaned as (
    select
        line,
        rtrim(case when line = 1 then ltrim(txt, chr(65279)) else txt end, chr(13)) as txt
    from _xw_raw_lines
),

non_blank as (
    select line, txt from cleaned where not xw_blank_line(txt, {{delim_sql}})
),

-- Most lines have no quote: a plain split. Only quoted lines pay for the pattern and the unquoting.
plain as (
    select
        line,
        txt,
        string_split(txt, {{delim_sql}}) as fields,
        true as quoting_ok,
        false as odd_quotes,
        null::struct(reason varchar, column_name varchar, detail varchar) as line_failure
    from non_blank
    where not contains(txt, '"')
),

quoted_parts as (
    select
        line,
        txt,
        regexp_extract_all({{delim_sql}} || txt, '{{delim_re}}("(?:[^"]|"")*"|[^{{delim_re}}"][^{{delim_re}}]*|)', 1) as parts,
        len(array_to_string(
            regexp_extract_all({{delim_sql}} || txt, '{{delim_re}}("(?:[^"]|"")*"|[^{{delim_re}}"][^{{delim_re}}]*|)', 0), ''
        )) = len(txt) + 1 as quoting_ok,
        (len(txt) - len(replace(txt, '"', ''))) % 2 = 1 as odd_quotes
    from non_blank
    where contains(txt, '"')
),

quoted as (
    select
        line,
        txt,
        list_transform(
            parts,
            lambda p: case
                when len(p) >= 2 and starts_with(p, '"') and ends_with(p, '"') then replace(p[2:-2], '""', '"')
                else p
            end
        ) as fields,
        quoting_ok,
        odd_quotes,
        null::struct(reason varchar, column_name varchar, detail varchar) as line_failure
    from quoted_parts
),

final as (
    select * from plain
    union all
    select * from quoted
)

select * from final
