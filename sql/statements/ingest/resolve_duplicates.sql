-- Duplicates (data-contract §4–5), shared by every extract kind, over _xw_row_checked (validate_<kind>.sql).
-- Only keys that occur more than once need their rows' contents compared, so only their rows are kept here
-- (_xw_dups, small); checked_view.sql adds the outcome to every row. The first of exact copies loads
-- and later copies are dropped; rows that share a key but disagree are all quarantined (duplicate_conflict).
-- A totals row (is_totals: 合计/总计/小计) is dropped too, and counted apart (summarize_checked.sql).
-- Rows compare by their content (view _xw_dup_content, dup_content_<kind>.sql). Parameters: $conflict_column and
-- $conflict_detail name the key.
create or replace temp table _xw_dups as
with repeated_keys as (
    select dup_key
    from _xw_row_checked
    where dup_key is not null
    group by dup_key
    having count(*) > 1
),

repeated_rows as (
    select
        c.line,
        c.dup_key,
        c.content
    from _xw_dup_content as c
    semi join repeated_keys as r on c.dup_key = r.dup_key
),

final as (
    select
        line,
        count(distinct content) over (partition by dup_key) as n_versions,
        row_number() over (partition by dup_key, content order by line) as copy_no,
        $conflict_column::varchar as conflict_column,
        $conflict_detail::varchar as conflict_detail,
    from repeated_rows
)

select * from final
