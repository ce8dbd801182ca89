-- The records of a text extract split into fields, as a view over _xw_texts (stage_text_texts.sql): nothing
-- is materialized here, the validation model reads it in one pipeline. `line` is the physical line number
-- (header = 1); blank lines (xw_blank_line) are left out but keep their numbers.
-- Lines without a quote split on the delimiter; quoted lines go through a CSV field pattern, and
-- `quoting_ok` is false when the pattern cannot account for every character (an unclosed quote, text after
-- a closing quote). A record spanning lines (a quoted line break) was joined into its first line before
-- (apply_record_joins.sql). Lines refused before parsing (undecodable) keep their `line_failure` and no fields.
-- The delim_sql placeholder is replaced by ',' or chr(9) and delim_re by ',' or \t (a closed set chosen in
-- stageTextLines.ts).
create or replace temp view _xw_lines as
-- One pass, no union over the lines (a CTE read twice would be materialized): a line without a quote is
-- split on the delimiter; only a quoted line pays for the field pattern and the unquoting.
with split as (
    select
        line,
        txt,
        line_failure,
        line_failure is null and contains(txt, '"') as quoted,
        case
            when line_failure is null and contains(txt, '"')
                then regexp_extract_all({{delim_sql}} || txt, '{{delim_re}}("(?:[^"]|"")*"|[^{{delim_re}}"][^{{delim_re}}]*|)', 1)
        end as parts
    from _xw_texts
    where line_failure is not null or not xw_blank_line(txt, {{delim_sql}})
),

records as (
    select
        line,
        txt,
        case
            when line_failure is not null then []::varchar[]
            when not quoted then string_split(txt, {{delim_sql}})
            else list_transform(
                parts,
                lambda p: case
                    when len(p) >= 2 and starts_with(p, '"') and ends_with(p, '"') then replace(p[2:-2], '""', '"')
                    else p
                end
            )
        end as fields,
        -- CASE, not OR/AND: only a CASE leaves the pattern unevaluated on the lines without a quote
        case
            when quoted then len(array_to_string(
                regexp_extract_all({{delim_sql}} || txt, '{{delim_re}}("(?:[^"]|"")*"|[^{{delim_re}}"][^{{delim_re}}]*|)', 0), ''
            )) = len(txt) + 1
            else true
        end as quoting_ok,
        case when quoted then (len(txt) - len(replace(txt, '"', ''))) % 2 = 1 else false end as odd_quotes,
        line_failure
    from split
)

select * from records
