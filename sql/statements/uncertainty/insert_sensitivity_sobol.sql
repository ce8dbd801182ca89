-- First-order and total Sobol indices of each uncertain input on the mean absolute rank shift, from the
-- A/B design's outputs (y_A, y_B, y_ABi of the same draw j), as COINr's SA_estimate computes them
-- (bluefoxr/COINr R/sensitivity.R; Saltelli et al. 2010, Table 2):
--   V    = sample variance of y over A and B (2N values)
--   S_i  = mean_j( y_B · (y_ABi − y_A) ) / V                (Saltelli 2010 / Sobol' 2007)
--   ST_i = Σ_j (y_A − y_ABi)² / (2 N V)                     (Jansen 1999)
-- Only draws whose three outputs all exist count for input i. y is fixed to 9 decimals and the sums are
-- DECIMAL, hence exact and independent of the order a parallel aggregate adds in: reruns agree to the bit.
-- V = 0 (no scenario moves a rank) leaves both indices NULL.
insert into mart.sensitivity_sobol
with shift as (
    select ranking_id, year, block, draw, y::decimal(18, 9) as y,
    from uncertainty_shift
    where y is not null
),

ab as (
    select
        ranking_id,
        year,
        draw,
        max(y) filter (where block = 0) as ya,
        max(y) filter (where block = 1) as yb,
    from shift
    where block < 2
    group by all
),

variance as (
    select
        ranking_id,
        year,
        (sum(y * y)::double - sum(y)::double * sum(y)::double / count(y)) / (count(y) - 1) as var_y,
    from shift
    where block < 2
    group by all
),

radial as (
    select
        s.ranking_id,
        s.year,
        s.block,
        sum(ab.yb * (s.y - ab.ya))::double / count(*) as first_numerator,
        sum((ab.ya - s.y) * (ab.ya - s.y))::double / (2 * count(*)) as total_numerator,
    from shift as s
    inner join ab using (ranking_id, year, draw)
    where s.block >= 2 and ab.ya is not null and ab.yb is not null
    group by all
),

final as (
    select
        r.methodology_version,
        r.index_name,
        x.year,
        i.input,
        safe_div(x.first_numerator, v.var_y) as first_order,
        safe_div(x.total_numerator, v.var_y) as total_order,
        x.block,
    from radial as x
    inner join variance as v using (ranking_id, year)
    inner join uncertainty_ranking as r using (ranking_id)
    inner join uncertainty_input as i using (ranking_id, block)
)

select methodology_version, index_name, year, input, first_order, total_order,
from final
order by methodology_version, index_name, year, block
