-- What the uncertainty computation reads from the built marts, as temporary views and tables.

-- The rankings' aggregation trees with nominal weights: both indices from mart.index_meta, and the "8631"
-- scorecard as one module ('score') of its indicators with equal weights (methodology §5).
create or replace temp view uncertainty_tree as
select
    methodology_version,
    "index" as index_name,
    code,
    level,
    parent,
    weight,
    sort_order,
from mart.index_meta
union all
select distinct
    methodology_version,
    'scorecard' as index_name,
    'score' as code,
    'module' as level,
    null as parent,
    1.0 as weight,
    0 as sort_order,
from mart.methodology_plan_kinds
union all
select
    methodology_version,
    'scorecard' as index_name,
    indicator_no::varchar as code,
    'indicator' as level,
    'score' as parent,
    1.0 as weight,
    indicator_no as sort_order,
from mart.methodology_plan_kinds;

-- The regions each ranking ranks, as the published rankings do: the index rankings every region below the city
-- (a 区 ranks as a county: sql/queries/report/regions.sql), the scorecard its counties (mart.plan_scorecard).
create or replace temp view uncertainty_ranked_region as
select 'index' as ranking, region_code,
from ref.regions
where parent_code is not null and level <> 'city'
union all
select 'scorecard' as ranking, region_code,
from ref.regions
where level = 'county';

-- The counties' indicator values that the rankings aggregate: normalised indicators of both indices, and the
-- indicator scores of the year-end scorecards (quarter ends are not ranked here).
create or replace temp view uncertainty_indicator_value as
with counties as (
    select region_code from uncertainty_ranked_region where ranking = 'index'
),

scorecard_counties as (
    select region_code from uncertainty_ranked_region where ranking = 'scorecard'
),

year_end_scores as (
    select
        s.methodology_version,
        'scorecard' as index_name,
        year(s.period_end)::integer as year,
        s.region_code,
        s.indicator_no::varchar as code,
        s.score as value,
    from mart.plan_scorecard as s
    where month(s.period_end) = 12 and day(s.period_end) = 31
)

select i.methodology_version, 'growth' as index_name, i.year, i.region_code, i.code, i.value,
from mart.growth_index as i
where i.level = 'indicator' and i.region_code in (from counties)
union all
select i.methodology_version, 'vitality' as index_name, i.year, i.region_code, i.code, i.value,
from mart.vitality_index as i
where i.level = 'indicator' and i.region_code in (from counties)
union all
select * from year_end_scores where region_code in (from scorecard_counties);

-- The published (nominal) value and rank of every county: index totals ranked here as the report ranks them
-- (higher first, ties share the better rank, no rank without a value); the scorecard's own rank.
create or replace temp table uncertainty_nominal as
with totals as (
    select i.methodology_version, 'growth' as index_name, i.year, i.region_code, i.value,
    from mart.growth_index as i
    where i.level = 'total'
    union all
    select i.methodology_version, 'vitality' as index_name, i.year, i.region_code, i.value,
    from mart.vitality_index as i
    where i.level = 'total'
),

index_ranks as (
    select
        t.*,
        rank() over (partition by t.methodology_version, t.index_name, t.year order by t.value desc) as rank,
    from totals as t
    inner join uncertainty_ranked_region as r on t.region_code = r.region_code and r.ranking = 'index'
    where t.value is not null
),

scorecard_ranks as (
    select distinct
        s.methodology_version,
        'scorecard' as index_name,
        year(s.period_end)::integer as year,
        s.region_code,
        s.total_score as value,
        s.rank,
    from mart.plan_scorecard as s
    where month(s.period_end) = 12 and day(s.period_end) = 31 and s.rank is not null
)

select methodology_version, index_name, year, region_code, value, rank::integer as rank, from index_ranks
union all
select methodology_version, index_name, year, region_code, value, rank::integer as rank, from scorecard_ranks;
