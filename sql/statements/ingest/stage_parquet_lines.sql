-- Stages a Parquet extract like a text one: one row per Parquet row, line = row number + 1 (as if exported
-- with a header line), every column cast to text. The placeholder is the list of the file's quoted column names,
-- each cast to varchar (built in stageLines.ts from DESCRIBE). View _xw_lines reads it (stage_parquet_view.sql).
create or replace temp table _xw_parquet_lines as
with source as (
    select
        file_row_number,
        [{{columns}}] as f
    from read_parquet($path, file_row_number = true)
),

final as (
    select
        (file_row_number + 2)::integer as line,
        array_to_string(list_transform(f, lambda p: coalesce(p, '')), ',') as txt,
        f as fields,
        true as quoting_ok,
        false as odd_quotes,
        null::struct(reason varchar, column_name varchar, detail varchar) as line_failure
    from source
)

select * from final
