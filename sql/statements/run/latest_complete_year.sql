-- The latest year the data covers completely: a registry snapshot dated 31 December of that year exists.
select max(year(as_of))::integer as year
from raw.registry
where month(as_of) = 12 and day(as_of) = 31;
