-- model: mart.monthly_flow_vintages
-- materialized: table
-- grain: one row per registry snapshot (vintage) per region (city and counties) per covered month per metric:
--   the monthly flows of methodology §10 as that snapshot tells them. Covered months run from January of
--   the first snapshot's year (earlier history is not assumed complete) to the snapshot's own month, which
--   is partial unless the snapshot is dated on its last day. previous_vintage: the snapshot before (NULL first).
-- depends_on: staging.stg_registry, staging.stg_registry_history, staging.stg_region_rollup, ref.entity_types, ref.regions
-- check unique: vintage, region_code, month, metric
-- check not_null: vintage, region_code, month, metric, value, is_partial
-- check accepted_values: metric in ('births','deaths_cancelled','deaths_revoked','conversions','indiv_births','indiv_deaths')
-- check relationships: region_code -> ref.regions.region_code
-- check expression: value_nonnegative: value >= 0
with snapshots as (
    select
        as_of,
        row_number() over (order by as_of) as k,
        lag(as_of) over (order by as_of) as previous_as_of,
    from (select distinct as_of from staging.stg_registry)
),

-- Each entity state holds for the snapshots k_from <= k < k_to; its dates, type, status and county are
-- what those snapshots say (data-contract §5: the latest snapshot's attributes, as of each vintage).
states as (
    select
        f.k as k_from,
        coalesce(t.k, (select max(k) + 1 from snapshots)) as k_to,
        coalesce(h.county_code, (select region_code from ref.regions where level = 'city')) as county_code,
        is_enterprise_type(e.is_enterprise, h.entity_type, h.uscc) as is_enterprise,
        is_individual_type(e.entity_type, h.uscc) as is_individual,
        h.established_on,
        h.closed_on,
        h.status,
        coalesce(h.converted, false) as is_converted,
        -- A conversion without its own date took effect when the new enterprise was established.
        coalesce(h.converted_on, h.established_on) as converted_on,
    from staging.stg_registry_history as h
    inner join snapshots as f on h.valid_from = f.as_of
    left join snapshots as t on h.valid_to = t.as_of
    left join ref.entity_types as e on h.entity_type = e.entity_type
),

-- One row per flow event; closed_on decides the month, the status (吊销 or not) the kind of death.
events as (
    select k_from, k_to, county_code, established_on as on_date, 'births' as metric,
    from states where is_enterprise and not is_converted
    union all
    select k_from, k_to, county_code, converted_on, 'conversions',
    from states where is_enterprise and is_converted
    union all
    select k_from, k_to, county_code, closed_on,
        case when status = '吊销' then 'deaths_revoked' else 'deaths_cancelled' end,
    from states where is_enterprise and closed_on is not null
    union all
    select k_from, k_to, county_code, established_on, 'indiv_births',
    from states where is_individual
    union all
    select k_from, k_to, county_code, closed_on, 'indiv_deaths',
    from states where is_individual and closed_on is not null
),

-- Counted once per state range, then spread over the vintages the range covers (cheaper than per vintage).
counted as (
    select
        k_from,
        k_to,
        county_code,
        strftime(on_date, '%Y-%m') as month,
        metric,
        count(*) as n,
    from events
    group by all
),

placed as (
    select
        s.as_of as vintage,
        r.region_code,
        c.month,
        c.metric,
        sum(c.n) as n,
    from counted as c
    inner join snapshots as s on s.k >= c.k_from and s.k < c.k_to
    inner join staging.stg_region_rollup as r on c.county_code = r.county_code
    group by all
),

months as (
    select
        s.as_of as vintage,
        s.previous_as_of as previous_vintage,
        strftime(m.month_start, '%Y-%m') as month,
        m.month_start = date_trunc('month', s.as_of) and s.as_of <> last_day(s.as_of) as is_partial,
    from snapshots as s,
        (select min(as_of) as first_as_of from snapshots) as first_snapshot,
        lateral (
            select unnest(generate_series(
                date_trunc('year', first_snapshot.first_as_of)::timestamp,
                date_trunc('month', s.as_of)::timestamp,
                interval 1 month
            ))::date as month_start
        ) as m
),

grid as (
    select
        m.vintage,
        m.previous_vintage,
        r.region_code,
        m.month,
        x.metric,
        m.is_partial,
    from months as m
    cross join (select region_code from ref.regions where level in ('city', 'county')) as r
    cross join (
        select unnest(['births', 'deaths_cancelled', 'deaths_revoked', 'conversions', 'indiv_births',
            'indiv_deaths']) as metric
    ) as x
),

final as (
    select
        g.vintage,
        g.region_code,
        g.month,
        g.metric,
        coalesce(p.n, 0)::integer as value,
        g.is_partial,
        g.previous_vintage,
    from grid as g
    left join placed as p using (vintage, region_code, month, metric)
)

select * from final
order by vintage, region_code, month, metric
