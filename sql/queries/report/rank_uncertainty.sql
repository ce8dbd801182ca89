-- Rank intervals of every ranking (methodology §11), every version and year. Grain: version, index, year,
-- county. The value interval stays in the mart: outputs show ranks only.
select
    methodology_version,
    index_name,
    year,
    region_code,
    nominal_rank,
    median_rank,
    rank_p05,
    rank_p95,
    share_first
from mart.rank_uncertainty
order by methodology_version, index_name, year, region_code
