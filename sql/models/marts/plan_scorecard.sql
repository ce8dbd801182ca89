-- model: mart.plan_scorecard
-- materialized: table
-- grain: one row per methodology version per period end per region (city and counties) per plan indicator
--   ("8631" 评价排序, methodology §5 and §7); total_score and rank repeat on every row of a region. Period ends
--   are the year ends (period_type 'year', period 'YYYY') and the quarter ends that are not year ends
--   (period_type 'quarter', period 'YYYYQn'; a year end is its own Q4). At a quarter end a cumulative
--   indicator adds the year to date to the full years before; an annual one compares the year to date with
--   the target × the share of the year elapsed (1 at a year end, as §5 says for year ends).
-- depends_on: mart.plan_values, mart.plan_quarter_values, mart.business_demography, mart.methodology, mart.methodology_quarter_ends, mart.methodology_plan_kinds, mart.methodology_county_targets, ref.plan_targets, ref.regions
-- check unique: methodology_version, period_end, region_code, indicator_no
-- check not_null: methodology_version, period_end, region_code, indicator_no, kind, period_type, period
-- check accepted_values: period_type in ('year','quarter')
-- check accepted_values: status in ('正常','滞后','严重滞后')
-- check accepted_values: kind in ('stock','annual','cumulative')
-- check expression: city_is_not_ranked: region_code <> '330500' or rank is null
-- check expression: score_nonnegative: score is null or score >= 0
with period_ends as (
    select
        methodology_version,
        unnest(period_ends) as period_end,
        'year' as period_type,
    from mart.methodology
    union all
    select
        q.methodology_version,
        q.period_end,
        'quarter',
    from mart.methodology_quarter_ends as q
    inner join mart.methodology as m on q.methodology_version = m.methodology_version
    where not list_contains(m.period_ends, q.period_end)
),

periods as (
    select
        m.methodology_version,
        e.period_end,
        e.period_type,
        m.plan_start,
        m.plan_months,
        m.score_cap,
        m.on_track_ratio,
        m.lagging_ratio,
        m.county_target_decimals,
        m.stock_baseline_year,
    from mart.methodology as m
    inner join period_ends as e on m.methodology_version = e.methodology_version
),

grid as (
    select
        p.*,
        r.region_code,
        r.level,
        k.indicator_no,
        k.kind,
        -- Elapsed share of the plan period: whole months since its start / its length.
        (date_diff('month', p.plan_start, p.period_end + interval 1 day)) / p.plan_months as elapsed,
    from periods as p
    cross join ref.regions as r
    inner join mart.methodology_plan_kinds as k on p.methodology_version = k.methodology_version
    where r.level in ('city', 'county')
),

-- Default county target: city target × county share of small/micro firms active at the end of the
-- baseline year (the city's count includes firms registered at city level), rounded half-up.
county_share as (
    select
        c.region_code,
        safe_div(c.active, city.active) as share,
        c.year,
    from mart.business_demography as c
    inner join ref.regions as r on c.region_code = r.region_code and r.level = 'county'
    inner join mart.business_demography as city on city.region_code = r.parent_code and city.year = c.year
),

targets as (
    select
        g.methodology_version,
        g.region_code,
        g.indicator_no,
        case
            when g.level = 'city' then city_t.target
            else coalesce(
                own.target,
                cfg.target,
                round_half_up(city_t.target * cs.share, g.county_target_decimals)
            )
        end as target,
    from (select distinct methodology_version, region_code, level, indicator_no, stock_baseline_year,
            county_target_decimals from grid) as g
    inner join ref.regions as r on g.region_code = r.region_code
    left join ref.plan_targets as city_t
        on city_t.region_code = coalesce(case when g.level = 'city' then g.region_code end, r.parent_code)
        and city_t.indicator_no = g.indicator_no
    left join ref.plan_targets as own
        on g.level = 'county' and own.region_code = g.region_code and own.indicator_no = g.indicator_no
    left join mart.methodology_county_targets as cfg
        on cfg.methodology_version = g.methodology_version
        and cfg.region_code = g.region_code and cfg.indicator_no = g.indicator_no
    left join county_share as cs on cs.region_code = g.region_code and cs.year = g.stock_baseline_year
),

actuals as (
    select
        g.methodology_version,
        g.period_end,
        g.region_code,
        g.indicator_no,
        case g.kind
            when 'stock' then max(v.value) filter (where v.year = year(g.period_end))
            when 'annual' then max(v.value) filter (where v.year = year(g.period_end))
            -- Cumulative: every plan year up to the period end must be reported, else no actual.
            else case
                when count(v.value) filter (where v.year between year(g.plan_start) and year(g.period_end))
                    = year(g.period_end) - year(g.plan_start) + 1
                then (sum(v.value::decimal(38, 6)) filter (where v.year between year(g.plan_start) and year(g.period_end)))::double
            end
        end as actual,
        max(v.value) filter (where v.year = g.stock_baseline_year) as baseline,
    from grid as g
    left join mart.plan_values as v on v.region_code = g.region_code and v.indicator_no = g.indicator_no
    where g.period_type = 'year'
    group by g.methodology_version, g.period_end, g.region_code, g.indicator_no, g.kind, g.plan_start,
        g.stock_baseline_year
),

-- Quarter ends: stock = the quarter's stock, annual = the year to date, cumulative = the full plan years
-- before (each one reported) + the year to date.
quarter_actuals as (
    select
        g.methodology_version,
        g.period_end,
        g.region_code,
        g.indicator_no,
        case
            when g.kind <> 'cumulative' then any_value(q.year_to_date)
            when count(v.value) filter (where v.year between year(g.plan_start) and year(g.period_end) - 1)
                = year(g.period_end) - year(g.plan_start)
            then coalesce(
                (sum(v.value::decimal(38, 6)) filter (
                    where v.year between year(g.plan_start) and year(g.period_end) - 1
                ))::double,
                0
            ) + any_value(q.year_to_date)
        end as actual,
        max(v.value) filter (where v.year = g.stock_baseline_year) as baseline,
    from grid as g
    left join mart.plan_values as v on v.region_code = g.region_code and v.indicator_no = g.indicator_no
    left join mart.plan_quarter_values as q
        on q.region_code = g.region_code and q.indicator_no = g.indicator_no
        and q.year = year(g.period_end) and q.quarter = quarter(g.period_end)
    where g.period_type = 'quarter'
    group by g.methodology_version, g.period_end, g.region_code, g.indicator_no, g.kind, g.plan_start,
        g.stock_baseline_year
),

all_actuals as (
    select methodology_version, period_end, region_code, indicator_no, actual, baseline, from actuals
    union all
    select methodology_version, period_end, region_code, indicator_no, actual, baseline, from quarter_actuals
),

scored as (
    select
        g.methodology_version,
        g.period_end,
        g.period_type,
        g.region_code,
        g.level,
        g.indicator_no,
        g.kind,
        a.actual,
        t.target,
        safe_div(a.actual, t.target) as completion,
        case g.kind
            when 'cumulative' then g.elapsed
            when 'annual' then case when g.period_type = 'year' then 1.0 else month(g.period_end) / 12 end
            else safe_div(a.baseline + (t.target - a.baseline) * g.elapsed, t.target)
        end as expected,
        g.score_cap,
        g.on_track_ratio,
        g.lagging_ratio,
    from grid as g
    left join all_actuals as a using (methodology_version, period_end, region_code, indicator_no)
    left join targets as t using (methodology_version, region_code, indicator_no)
),

with_status as (
    select
        *,
        -- least() skips NULLs in DuckDB, so a missing ratio must stay missing explicitly.
        case
            when safe_div(completion, expected) is not null then 100 * least(completion / expected, score_cap)
        end as score,
        case
            when completion is null or expected is null then null
            when completion >= on_track_ratio * expected then '正常'
            when completion >= lagging_ratio * expected then '滞后'
            else '严重滞后'
        end as status,
    from scored
),

totals as (
    select
        methodology_version,
        period_end,
        region_code,
        any_value(level) as level,
        -- Sum in sorted order: a float sum in thread order could differ in the last bit between runs.
        list_sum(list_sort(list(score))) / count(score) as total_score,
    from with_status
    group by all
),

ranked as (
    select
        *,
        -- Ties share the better rank (1, 2, 2, 4); the city is scored but not ranked.
        case when level = 'county' and total_score is not null then
            rank() over (
                partition by methodology_version, period_end, level = 'county' and total_score is not null
                order by total_score desc
            )
        end as rank,
    from totals
),

final as (
    select
        s.methodology_version,
        s.period_end,
        s.region_code,
        s.indicator_no,
        s.kind,
        s.actual,
        s.target,
        s.completion,
        s.expected,
        s.score,
        s.status,
        r.total_score,
        r.rank::integer as rank,
        s.period_type,
        case
            when s.period_type = 'year' then year(s.period_end)::varchar
            else year(s.period_end) || 'Q' || quarter(s.period_end)
        end as period,
    from with_status as s
    inner join ranked as r using (methodology_version, period_end, region_code)
)

select * from final
order by methodology_version, period_end, region_code, indicator_no
