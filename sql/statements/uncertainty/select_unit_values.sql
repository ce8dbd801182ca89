-- The counties' indicator values of every ranking (NULL where dropped).
select methodology_version, index_name, year, region_code, code, value,
from uncertainty_indicator_value
order by methodology_version, index_name, year, region_code, code
