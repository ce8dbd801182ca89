-- The methodology version of the marts when none is asked for: the highest version present.
select max(methodology_version) as methodology_version
from mart.growth_index
