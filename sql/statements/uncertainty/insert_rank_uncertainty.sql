-- Rank and value intervals of every county with a published rank, over the N draws of matrix A (the plain
-- Monte Carlo sample of the design). Percentiles interpolate linearly (R's default, as COINr reports them).
insert into mart.rank_uncertainty
with summary as (
    select
        unit_id,
        quantile_cont(rank, 0.5) as median_rank,
        quantile_cont(rank, 0.05) as rank_p05,
        quantile_cont(rank, 0.95) as rank_p95,
        count(*) filter (where rank = 1) / count(*) as share_first,
        quantile_cont(value, 0.05) as value_p05,
        quantile_cont(value, 0.95) as value_p95,
    from uncertainty_draw
    group by unit_id
),

final as (
    select
        r.methodology_version,
        r.index_name,
        u.year,
        u.region_code,
        n.rank as nominal_rank,
        s.median_rank,
        s.rank_p05,
        s.rank_p95,
        s.share_first,
        s.value_p05,
        s.value_p95,
    from summary as s
    inner join uncertainty_unit as u using (unit_id)
    inner join uncertainty_ranking as r using (ranking_id)
    inner join uncertainty_nominal as n using (methodology_version, index_name, year, region_code)
)

select * from final
order by methodology_version, index_name, year, region_code
