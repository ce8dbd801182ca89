-- model: mart.monthly_expected
-- materialized: table
-- grain: one row per methodology version per region per month per metric of mart.monthly_flows: the observed
--   flow y, its expectation μ and alert band under the monthly rule of methodology §10, and the alert if any.
--   E = mean of the same calendar month in the previous seasonal_years years (at least min_years covered, else
--   no expectation); g = flows of the trend_months months before m / the same months a year earlier (all
--   covered and the earlier sum > 0, else no expectation); μ = g·E.
--   High when y > μ + band_sigmas·√μ and y ≥ high_ratio·μ and y − μ ≥ min_abs_change; low when
--   y < μ − band_sigmas·√μ and y ≤ low_ratio·μ and μ − y ≥ min_abs_change.
--   How "excess" and "threshold" are read for the severity: the threshold is the smallest deviation that
--   raises the alert, i.e. the largest of the three conditions' distances from μ —
--   high: T = max(band_sigmas·√μ, (high_ratio − 1)·μ, min_abs_change); low: T = max(band_sigmas·√μ,
--   (1 − low_ratio)·μ, min_abs_change) — and the excess is |y − μ|; 预警 when |y − μ| ≥ severe_multiple·T,
--   else 关注. upper = μ + T(high) and lower = max(0, μ − T(low)) are the band's edges. Partial months get μ
--   and the band but never an alert.
-- depends_on: mart.monthly_flows, mart.methodology_monitoring
-- check unique: methodology_version, region_code, month, metric
-- check not_null: methodology_version, region_code, month, metric, observed, is_partial, years_used
-- check accepted_values: direction in ('high','low')
-- check accepted_values: severity in ('关注','预警')
-- check expression: partial_month_never_alerts: not is_partial or direction is null
-- check expression: band_contains_expected: expected is null or (lower <= expected and expected <= upper)
with params as (
    select
        methodology_version,
        seasonal_years,
        min_years,
        trend_months,
        band_sigmas,
        high_ratio,
        low_ratio,
        min_abs_change,
        severe_multiple,
    from mart.methodology_monitoring
),

flows as (
    select
        region_code,
        month,
        metric,
        value,
        is_partial,
        -- Months counted from year 0, so "12 months earlier" is idx − 12.
        year(strptime(month, '%Y-%m')) * 12 + month(strptime(month, '%Y-%m')) - 1 as idx,
    from mart.monthly_flows
),

history as (
    select
        p.methodology_version,
        f.region_code,
        f.month,
        f.metric,
        avg(h.value) filter (
            where (f.idx - h.idx) % 12 = 0 and f.idx - h.idx between 12 and 12 * p.seasonal_years
        ) as seasonal_mean,
        count(h.value) filter (
            where (f.idx - h.idx) % 12 = 0 and f.idx - h.idx between 12 and 12 * p.seasonal_years
        ) as years_used,
        sum(h.value) filter (where f.idx - h.idx between 1 and p.trend_months) as recent,
        count(h.value) filter (where f.idx - h.idx between 1 and p.trend_months) as recent_months,
        sum(h.value) filter (where f.idx - h.idx between 13 and 12 + p.trend_months) as year_earlier,
        count(h.value) filter (where f.idx - h.idx between 13 and 12 + p.trend_months) as year_earlier_months,
    from flows as f
    cross join params as p
    left join flows as h
        on h.region_code = f.region_code
        and h.metric = f.metric
        and not h.is_partial
        and f.idx - h.idx between 1 and greatest(12 * p.seasonal_years, 12 + p.trend_months)
    group by all
),

expected as (
    select
        h.*,
        case
            when h.recent_months = p.trend_months and h.year_earlier_months = p.trend_months
                then safe_div(h.recent::double, h.year_earlier)
        end as trend_factor,
    from history as h
    inner join params as p using (methodology_version)
),

banded as (
    select
        e.methodology_version,
        e.region_code,
        e.month,
        e.metric,
        f.value as observed,
        f.is_partial,
        e.seasonal_mean,
        e.years_used::integer as years_used,
        e.trend_factor,
        m.expected,
        p.band_sigmas * sqrt(m.expected) as sigma_width,
        greatest(p.band_sigmas * sqrt(m.expected), (p.high_ratio - 1) * m.expected, p.min_abs_change) as high_threshold,
        greatest(p.band_sigmas * sqrt(m.expected), (1 - p.low_ratio) * m.expected, p.min_abs_change) as low_threshold,
        p.high_ratio,
        p.low_ratio,
        p.min_abs_change,
        p.severe_multiple,
    from expected as e
    inner join flows as f using (region_code, month, metric)
    inner join params as p using (methodology_version)
    cross join lateral (
        select case when e.years_used >= p.min_years then e.trend_factor * e.seasonal_mean end as expected
    ) as m
),

judged as (
    select
        *,
        case
            when is_partial or expected is null then null
            when observed > expected + sigma_width and observed >= high_ratio * expected
                and observed - expected >= min_abs_change then 'high'
            when observed < expected - sigma_width and observed <= low_ratio * expected
                and expected - observed >= min_abs_change then 'low'
        end as direction,
    from banded
),

final as (
    select
        methodology_version,
        region_code,
        month,
        metric,
        observed,
        is_partial,
        seasonal_mean,
        years_used,
        trend_factor,
        expected,
        greatest(0, expected - low_threshold) as lower,
        expected + high_threshold as upper,
        direction,
        case
            when direction = 'high' and observed - expected >= severe_multiple * high_threshold then '预警'
            when direction = 'low' and expected - observed >= severe_multiple * low_threshold then '预警'
            when direction is not null then '关注'
        end as severity,
    from judged
)

select * from final
order by methodology_version, region_code, month, metric
