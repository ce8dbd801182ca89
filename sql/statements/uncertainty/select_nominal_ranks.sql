-- The published rank of every ranked county-year (prepare_inputs.sql's uncertainty_nominal).
select methodology_version, index_name, year, region_code, rank,
from uncertainty_nominal
order by methodology_version, index_name, year, region_code
