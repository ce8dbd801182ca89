-- Drop-one sensitivity (methodology §11): each indicator left out in turn, nothing else changed — exact, no
-- sampling. Indices: module means renormalise over the indicators left (§3, §7), a module left with none is
-- missing and the total renormalises over the other modules, added up as the index build adds them
-- (list_weighted_mean), so each row equals a build whose methodology lacks that indicator. Scorecard: the county score is the mean of the
-- other non-empty indicator scores, summed as mart.plan_scorecard sums them. Every region gets a value; counties
-- are ranked as the published rankings are (uncertainty_ranked_region; higher first, ties share the better
-- rank, the city unranked).
insert into mart.sensitivity_drop_one
with indicators as (
    select methodology_version, index_name, code, parent as module, weight, sort_order,
    from uncertainty_tree
    where level = 'indicator'
),

modules as (
    select methodology_version, index_name, code as module, weight, sort_order,
    from uncertainty_tree
    where level = 'module'
),

index_values as (
    select i.methodology_version, 'growth' as index_name, i.year, i.region_code, i.code, i.value,
    from mart.growth_index as i
    where i.level = 'indicator'
    union all
    select i.methodology_version, 'vitality' as index_name, i.year, i.region_code, i.code, i.value,
    from mart.vitality_index as i
    where i.level = 'indicator'
),

module_lists as (
    select
        v.methodology_version,
        v.index_name,
        d.code as dropped_code,
        v.year,
        v.region_code,
        i.module,
        list(if(i.code = d.code, null, v.value) order by i.sort_order) as xs,
        list(i.weight order by i.sort_order) as ws,
    from index_values as v
    inner join indicators as i using (methodology_version, index_name, code)
    inner join indicators as d using (methodology_version, index_name)
    group by all
),

module_values as (
    select * exclude (xs, ws), list_weighted_mean(xs, ws, false) as value,
    from module_lists
),

total_lists as (
    select
        mv.methodology_version,
        mv.index_name,
        mv.dropped_code,
        mv.year,
        mv.region_code,
        list(mv.value order by m.sort_order) as xs,
        list(m.weight order by m.sort_order) as ws,
    from module_values as mv
    inner join modules as m using (methodology_version, index_name, module)
    group by all
),

index_totals as (
    select * exclude (xs, ws), list_weighted_mean(xs, ws, false) as value,
    from total_lists
),

year_end_scores as (
    select s.methodology_version, year(s.period_end)::integer as year, s.region_code, s.indicator_no, s.score,
    from mart.plan_scorecard as s
    where month(s.period_end) = 12 and day(s.period_end) = 31
),

scorecard_totals as (
    select
        s.methodology_version,
        'scorecard' as index_name,
        d.indicator_no::varchar as dropped_code,
        s.year,
        s.region_code,
        list_sum(list_sort(list(s.score) filter (where s.indicator_no <> d.indicator_no)))
            / count(s.score) filter (where s.indicator_no <> d.indicator_no) as value,
    from year_end_scores as s
    inner join mart.methodology_plan_kinds as d using (methodology_version)
    group by all
),

totals as (
    select * from index_totals
    union all
    select * from scorecard_totals
),

final as (
    select
        t.methodology_version,
        t.index_name,
        t.year,
        t.region_code,
        t.dropped_code,
        t.value,
        case when r.region_code is not null and t.value is not null then
            rank() over (
                partition by
                    t.methodology_version, t.index_name, t.dropped_code, t.year,
                    r.region_code is not null and t.value is not null
                order by t.value desc
            )
        end::integer as rank,
    from totals as t
    left join uncertainty_ranked_region as r
        on t.region_code = r.region_code
        and r.ranking = if(t.index_name = 'scorecard', 'scorecard', 'index')
)

select * from final
order by methodology_version, index_name, year, region_code, dropped_code
