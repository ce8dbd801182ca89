-- model: mart.alerts
-- materialized: table
-- grain: one row per methodology version per alert (methodology §10). alert_id = rule:region:period:metric, the
--   same for the same inputs (the notifier sends one message per alert_id, ever). Rules:
--   monthly   — the seasonal rule of mart.monthly_expected (period YYYY-MM, metric a flow);
--   quarterly — a county's "8631" indicator whose status worsens between consecutive scorecard quarter ends
--               (正常 → 滞后 → 严重滞后; period YYYYQn, metric plan_NN; observed = score, expected = the previous
--               quarter's score, lower/upper = the 滞后 and 正常 score lines); 预警 when it worsens into
--               monitoring.quarterly.warning_status;
--   annual    — a region's growth or vitality total falling ≥ annual_total_drop points year on year, or a
--               module ≥ annual_module_drop (period YYYY, metric growth.total, vitality.V1 …; expected = last
--               year's value, lower = last year's value − the threshold); 预警 when the fall is at least
--               annual_severe_multiple × the threshold.
--   first_seen_run: the build run that first raised the alert (ops.alert_first_seen, kept across rebuilds;
--   the build sets the variable xiaowei_run_id and then records new ids).
-- depends_on: mart.monthly_expected, mart.plan_scorecard, mart.growth_index, mart.vitality_index, mart.methodology, mart.methodology_monitoring, mart.methodology_quarter_ends, mart.index_meta, ref.regions, ref.monitor_metrics, ref.plan_indicators, ops.alert_first_seen
-- check unique: methodology_version, alert_id
-- check not_null: methodology_version, alert_id, rule, region_code, period, metric, observed, severity, message_zh, first_seen_run
-- check accepted_values: rule in ('monthly','quarterly','annual')
-- check accepted_values: severity in ('关注','预警')
-- check relationships: region_code -> ref.regions.region_code
with monthly as (
    select
        e.methodology_version,
        'monthly' as rule,
        e.region_code,
        e.month as period,
        e.metric,
        e.observed::double as observed,
        e.expected,
        e.lower,
        e.upper,
        e.severity,
        format(
            '【{}】{}{}年{}月{}{}{}，比预期（约{}{}）{}{}{}，{}正常范围{}{}{}。',
            e.severity, r.name_zh, left(e.month, 4), month(strptime(e.month, '%Y-%m')), mm.name_zh,
            e.observed, mm.unit_zh, printf('%.1f', e.expected), mm.unit_zh,
            case when e.direction = 'high' then '多' else '少' end,
            printf('%.1f', abs(e.observed - e.expected)), mm.unit_zh,
            case when e.direction = 'high' then '高于' else '低于' end,
            case when e.direction = 'high' then '上限' else '下限' end,
            printf('%.1f', case when e.direction = 'high' then e.upper else e.lower end), mm.unit_zh
        ) as message_zh,
    from mart.monthly_expected as e
    inner join ref.regions as r on e.region_code = r.region_code
    inner join ref.monitor_metrics as mm on e.metric = mm.metric
    where e.direction is not null
),

quarter_rows as (
    select
        s.*,
        lag(s.status) over w as previous_status,
        lag(s.score) over w as previous_score,
    from mart.plan_scorecard as s
    semi join mart.methodology_quarter_ends as q
        on s.methodology_version = q.methodology_version and s.period_end = q.period_end
    window w as (partition by s.methodology_version, s.region_code, s.indicator_no order by s.period_end)
),

quarterly as (
    select
        q.methodology_version,
        'quarterly' as rule,
        q.region_code,
        year(q.period_end) || 'Q' || quarter(q.period_end) as period,
        'plan_' || lpad(q.indicator_no::varchar, 2, '0') as metric,
        q.score as observed,
        q.previous_score as expected,
        100 * m.lagging_ratio as lower,
        100 * m.on_track_ratio as upper,
        case when q.status = p.quarterly_warning_status then '预警' else '关注' end as severity,
        format(
            '【{}】{}“8631”第{}项指标（{}）{}年第{}季度末进度由“{}”转为“{}”（得分{}，上季度末{}）。',
            case when q.status = p.quarterly_warning_status then '预警' else '关注' end,
            r.name_zh, q.indicator_no, i.name_zh, year(q.period_end), quarter(q.period_end),
            q.previous_status, q.status, printf('%.1f', q.score), printf('%.1f', q.previous_score)
        ) as message_zh,
    from quarter_rows as q
    inner join ref.regions as r on q.region_code = r.region_code and r.level = 'county'
    inner join ref.plan_indicators as i on q.indicator_no = i.indicator_no
    inner join mart.methodology as m on q.methodology_version = m.methodology_version
    inner join mart.methodology_monitoring as p on q.methodology_version = p.methodology_version
    -- 正常 < 滞后 < 严重滞后: the status got worse.
    where list_position(['正常', '滞后', '严重滞后'], q.status)
        > list_position(['正常', '滞后', '严重滞后'], q.previous_status)
),

index_values as (
    select methodology_version, 'growth' as index_name, year, region_code, level, code, value,
    from mart.growth_index where level in ('total', 'module')
    union all
    select methodology_version, 'vitality', year, region_code, level, code, value,
    from mart.vitality_index where level in ('total', 'module')
),

index_changes as (
    select
        v.*,
        lag(v.value) over w as previous_value,
        lag(v.year) over w as previous_year,
        case when v.level = 'total' then p.annual_total_drop else p.annual_module_drop end as threshold,
        p.annual_severe_multiple,
    from index_values as v
    inner join mart.methodology_monitoring as p using (methodology_version)
    window w as (partition by v.methodology_version, v.index_name, v.region_code, v.level, v.code order by v.year)
),

annual as (
    select
        c.methodology_version,
        'annual' as rule,
        c.region_code,
        c.year::varchar as period,
        c.index_name || '.' || c.code as metric,
        c.value as observed,
        c.previous_value as expected,
        c.previous_value - c.threshold as lower,
        null::double as upper,
        case when c.previous_value - c.value >= c.annual_severe_multiple * c.threshold then '预警' else '关注' end
            as severity,
        format(
            '【{}】{}{}{}年{}为{}，比上年（{}）下降{}点。',
            case when c.previous_value - c.value >= c.annual_severe_multiple * c.threshold then '预警' else '关注' end,
            r.name_zh, mm.name_zh, c.year,
            case when c.level = 'total' then '总指数' else coalesce(im.name_zh, c.code) || '模块' end,
            printf('%.1f', c.value), printf('%.1f', c.previous_value), printf('%.1f', c.previous_value - c.value)
        ) as message_zh,
    from index_changes as c
    inner join ref.regions as r on c.region_code = r.region_code
    inner join ref.monitor_metrics as mm on c.index_name = mm.metric
    left join mart.index_meta as im
        on c.methodology_version = im.methodology_version and c.index_name = im."index"
        and c.level = 'module' and c.code = im.code
    where c.previous_year = c.year - 1 and c.previous_value - c.value >= c.threshold
),

unioned as (
    select methodology_version, rule, region_code, period, metric, observed, expected, lower, upper, severity, message_zh, from monthly
    union all
    select methodology_version, rule, region_code, period, metric, observed, expected, lower, upper, severity, message_zh, from quarterly
    union all
    select methodology_version, rule, region_code, period, metric, observed, expected, lower, upper, severity, message_zh, from annual
),

final as (
    select
        u.methodology_version,
        u.rule || ':' || u.region_code || ':' || u.period || ':' || u.metric as alert_id,
        u.rule,
        u.region_code,
        u.period,
        u.metric,
        u.observed,
        u.expected,
        u.lower,
        u.upper,
        u.severity,
        u.message_zh,
        coalesce(f.first_seen_run, getvariable('xiaowei_run_id')) as first_seen_run,
    from unioned as u
    left join ops.alert_first_seen as f
        on f.alert_id = u.rule || ':' || u.region_code || ':' || u.period || ':' || u.metric
)

select * from final
order by methodology_version, rule, period, region_code, metric
