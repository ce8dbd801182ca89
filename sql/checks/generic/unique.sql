-- Generic check: the key columns identify at most one row. Offending rows: duplicated keys.
-- Keys are compared by their hash first (one 64-bit value is cheaper to compare than the columns): sorted, a hash
-- equal to the one before it repeats (sorting took half the time of grouping the 18 M hashes of a province
-- firm-year table: bench/results/2026-11-26.md). Equal keys hash alike, so only the keys whose hash repeats (every
-- duplicate, and any rare collision of distinct keys) are grouped again by the columns themselves.
with repeated_hashes as (
    select h.key_hash
    from (select hash({{columns}}) as key_hash from {{model}}) as h
    qualify lag(h.key_hash) over (order by h.key_hash) = h.key_hash
)

select {{columns}}, count(*)::integer as n_rows
from {{model}}
semi join repeated_hashes as r on hash({{columns}}) = r.key_hash
group by all
having count(*) > 1
