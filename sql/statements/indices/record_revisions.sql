-- Appends the values this build changed relative to the values saved before it (temp table
-- previous_values); equal values (within 1e-9 relative) and newly added years are not revisions.
insert into mart.revisions
select
    p.table_name,
    p.methodology_version,
    p.year,
    p.region_code,
    p.measure,
    p.value as old_value,
    n.value as new_value,
    $previous_run_id as old_run_id,
    $run_id as new_run_id,
from previous_values as p
left join ({{published_values}}) as n
    using (table_name, methodology_version, year, region_code, measure)
where p.value is not null
    and (n.value is null or abs(n.value - p.value) > 1e-9 * greatest(1, abs(p.value)))
