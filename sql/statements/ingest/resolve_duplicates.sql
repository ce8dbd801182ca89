-- Duplicates (data-contract §4–5), shared by every extract kind, over _xw_row_checked (validate_<kind>.sql).
-- Only keys that occur more than once need their rows' contents compared. The first of exact copies loads
-- and later copies are dropped; rows that share a key but disagree are all quarantined (duplicate_conflict).
-- A totals row (is_totals: 合计/总计/小计) is dropped too, and counted apart (summarize_checked.sql).
-- Parameters: $conflict_column and $conflict_detail name the key in the quarantine row.
create or replace temp table _xw_checked as
with repeated_keys as (
    select dup_key
    from _xw_row_checked
    where dup_key is not null
    group by dup_key
    having count(*) > 1
),

dup_stats as (
    select
        line,
        count(distinct dup_content) over (partition by dup_key) as n_versions,
        row_number() over (partition by dup_key, dup_content order by line) as copy_no
    from _xw_row_checked
    where dup_key in (select r.dup_key from repeated_keys as r)
),

final as (
    select
        c.* exclude (dup_key, dup_content),
        coalesce(c.row_failure, xw_fail(d.n_versions > 1, 'duplicate_conflict', $conflict_column, $conflict_detail))
            as failure,
        case
            when c.is_totals then 'dropped'
            when c.row_failure is not null or d.n_versions > 1 then 'quarantined'
            when d.copy_no > 1 then 'dropped'
            else 'loaded'
        end as outcome
    from _xw_row_checked as c
    left join dup_stats as d on c.line = d.line
)

select * from final
