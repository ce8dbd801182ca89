-- The methodology version of the growth-path thresholds when none is asked for: the highest version built.
select max(methodology_version) as methodology_version
from mart.methodology_growth_paths
