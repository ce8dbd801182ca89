-- model: intermediate.entity_year_states
-- materialized: view
-- grain: one row per entity (staging.stg_entities) per year t in which it existed at some point (established by
--   31 Dec t, not closed before 1 Jan t), with its registered state at the end of t: that of the latest registry
--   snapshot dated on or before 31 Dec t (data-contract §5), NULL when the entity was first listed after t; and
--   its earliest listed county
-- depends_on: staging.stg_entities, staging.stg_registry_history, staging.stg_years
--
-- A state holds at the end of the years year(valid_from) … year(valid_to) − 1 (valid_to starts the next state), so
-- each state is expanded into those years, and the first state also into the years before it (with no state),
-- instead of as-of joining every entity year to the history (which sorted both sides, at several times the cost).
with bounds as (
    select
        min(year) as first_year,
        max(year) as last_year,
    from staging.stg_years
),

first_states as (
    select
        uscc,
        min(valid_from) as valid_from,
        arg_min(county_code, valid_from) as county_code,
    from staging.stg_registry_history
    group by uscc
),

entities as (
    select
        e.*,
        greatest(year(e.established_on), b.first_year) as from_year,
        least(coalesce(year(e.closed_on), b.last_year), b.last_year) as to_year,
        f.valid_from as first_valid_from,
        f.county_code as first_county_code,
    from staging.stg_entities as e
    cross join bounds as b
    inner join first_states as f on e.uscc = f.uscc
    where e.established_on is not null
),

runs as (
    select
        e.* exclude (from_year, to_year, first_valid_from),
        year(h.valid_from) as state_from_year,
        case
            when h.valid_from = e.first_valid_from then e.from_year
            else greatest(e.from_year, year(h.valid_from))
        end as run_from,
        least(e.to_year, coalesce(year(h.valid_to) - 1, e.to_year)) as run_to,
        h.county_code as run_county_code,
        h.status as run_status,
        h.entity_type as run_entity_type,
    from entities as e
    inner join staging.stg_registry_history as h on e.uscc = h.uscc
),

final as (
    select
        r.* exclude (state_from_year, run_from, run_to, run_county_code, run_status, run_entity_type, run_year),
        y.year,
        y.year_end,
        case when y.year >= r.state_from_year then r.run_county_code end as state_county_code,
        case when y.year >= r.state_from_year then r.run_status end as state_status,
        case when y.year >= r.state_from_year then r.run_entity_type end as state_entity_type,
    from (
        select
            *,
            unnest(range(run_from, run_to + 1)) as run_year,
        from runs
        where run_from <= run_to
    ) as r
    inner join staging.stg_years as y on r.run_year = y.year
)

select * from final
