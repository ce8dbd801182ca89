-- Rows of the region index marts per methodology version, for the line `xiaowei build` prints at the end.
select
    methodology_version,
    'growth' as index_name,
    count(*)::integer as n,
from mart.growth_index
group by methodology_version
union all
select
    methodology_version,
    'vitality' as index_name,
    count(*)::integer as n,
from mart.vitality_index
group by methodology_version
order by methodology_version, index_name
