-- Generic check: the key columns identify at most one row. Offending rows: duplicated keys.
-- Keys are grouped by their hash first (one 64-bit value is cheaper to group than the columns, at a million rows);
-- equal keys hash alike, so only keys whose hash repeats (every duplicate, and any rare collision of distinct keys)
-- are grouped again by the columns themselves.
with repeated_hashes as (
    select hash({{columns}}) as key_hash
    from {{model}}
    group by key_hash
    having count(*) > 1
)

select {{columns}}, count(*)::integer as n_rows
from {{model}}
where hash({{columns}}) in (select r.key_hash from repeated_hashes as r)
group by all
having count(*) > 1
