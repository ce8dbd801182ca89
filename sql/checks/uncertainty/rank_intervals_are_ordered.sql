-- Identity: 1 ≤ 5th percentile ≤ median ≤ 95th percentile rank, a share in [0, 1], value_p05 ≤ value_p95.
select *
from mart.rank_uncertainty
where not (
    1 <= rank_p05 and rank_p05 <= median_rank and median_rank <= rank_p95
    and share_first between 0 and 1
    and value_p05 <= value_p95
)
