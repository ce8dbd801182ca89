-- The history rows that replace statements/incremental/recompute/stg_registry_history.sql's: each firm of the
-- added snapshot (dated after every state) against its current state, compared attribute by attribute,
-- NULL-safe (sql/models/staging/stg_registry_history.sql compares the same attributes through their hash). The
-- same state: it was seen once more. A different one, or a new firm: the current state ends where the new one starts.
with snapshot as (
    -- As staging.stg_registry keeps it (statements/incremental/snapshot_firms.sql).
    select r.*
    from raw.registry as r
    where r.as_of > $registry_as_of::date
),

current_states as (
    select h.*
    from staging.stg_registry_history as h
    semi join snapshot as s on h.uscc = s.uscc
    where h.is_current
),

compared as (
    select
        s.*,
        c.uscc is not null
        and c.name is not distinct from s.name
        and c.entity_type is not distinct from s.entity_type
        and c.established_on is not distinct from s.established_on
        and c.status is not distinct from s.status
        and c.closed_on is not distinct from s.closed_on
        and c.county_code is not distinct from s.county_code
        and c.industry_code is not distinct from s.industry_code
        and c.registered_capital_wan is not distinct from s.registered_capital_wan
        and c.converted is not distinct from s.converted
        and c.converted_on is not distinct from s.converted_on
        and c.previous_uscc is not distinct from s.previous_uscc
        and c.priority_industry is not distinct from s.priority_industry as is_same_state,
    from snapshot as s
    left join current_states as c on s.uscc = c.uscc
),

seen_again as (
    select c.* replace (s.as_of as last_seen_on, c.snapshots_seen + 1 as snapshots_seen)
    from current_states as c
    inner join compared as s on c.uscc = s.uscc
    where s.is_same_state
),

ended as (
    select c.* replace (s.as_of as valid_to, false as is_current)
    from current_states as c
    inner join compared as s on c.uscc = s.uscc
    where not s.is_same_state
),

started as (
    select
        s.uscc,
        s.as_of as valid_from,
        null::date as valid_to,
        s.as_of as last_seen_on,
        1 as snapshots_seen,
        true as is_current,
        s.name,
        s.entity_type,
        s.established_on,
        s.status,
        s.closed_on,
        s.county_code,
        s.industry_code,
        s.industry_division,
        s.registered_capital_wan,
        s.converted,
        s.converted_on,
        s.previous_uscc,
        s.priority_industry,
        s.uscc_check_ok,
        s.source_file,
        s.source_line,
    from compared as s
    where not s.is_same_state
),

final as (
    select * from seen_again
    union all
    select * from ended
    union all
    select * from started
)

select * from final
