-- staging.stg_registry_history extended by the one registry snapshot added since the last build (dated after every
-- snapshot it holds; pipelines/models/decideBuildMode.ts), from the live history instead of from every snapshot: the
-- rows staging/stg_registry_history.sql would give, which the byte-identity test of incremental builds proves.
--
-- The model groups a firm's snapshots by a hash of the compared attributes; a state's attributes are those of its
-- first snapshot, so hashing them gives its group's hash. For each firm the snapshot lists:
--   - same hash as its current state: that state was seen once more (last_seen_on, snapshots_seen);
--   - another hash, or no history: the current state ends at the snapshot (valid_to) and a new state begins there.
--     A firm going back to an earlier state (A → B → A) is rebuilt by the model snapshot by snapshot, which gives
--     the same rows: its earlier states keep their runs, and the snapshot starts a new state.
-- A firm the snapshot does not list keeps its rows as they are (its current state stays current).
with added as (
    select
        r.*,
        hash(
            r.name, r.entity_type, r.established_on, r.status, r.closed_on, r.county_code, r.industry_code,
            r.registered_capital_wan, r.converted, r.converted_on, r.previous_uscc, r.priority_industry
        ) as state_hash,
    from staging.stg_registry as r
    where r.as_of > $registry_as_of::date
),

current_states as (
    select
        h.uscc,
        h.valid_from,
        hash(
            h.name, h.entity_type, h.established_on, h.status, h.closed_on, h.county_code, h.industry_code,
            h.registered_capital_wan, h.converted, h.converted_on, h.previous_uscc, h.priority_industry
        ) as state_hash,
    from staging.stg_registry_history as h
    where h.is_current
),

matched as (
    select
        a.*,
        c.valid_from as current_from,
        coalesce(c.state_hash = a.state_hash, false) as same_state,
    from added as a
    left join current_states as c on a.uscc = c.uscc
),

kept as (
    select
        h.uscc,
        h.valid_from,
        case when m.same_state then h.valid_to when m.uscc is not null then m.as_of else h.valid_to end as valid_to,
        case when m.same_state then m.as_of else h.last_seen_on end as last_seen_on,
        case when m.same_state then h.snapshots_seen + 1 else h.snapshots_seen end as snapshots_seen,
        case when m.same_state then h.is_current when m.uscc is not null then false else h.is_current end
            as is_current,
        h.* exclude (uscc, valid_from, valid_to, last_seen_on, snapshots_seen, is_current),
    from staging.stg_registry_history as h
    left join matched as m on h.uscc = m.uscc and h.valid_from = m.current_from
),

-- A new state's columns are the snapshot row's, renamed: the union below matches them to the history's by name (in
-- the history's order), so that the model's column list is written once.
begun as (
    select
        * exclude (file_id, as_of, state_hash, current_from, same_state),
        as_of as valid_from,
        null::date as valid_to,
        as_of as last_seen_on,
        1::bigint as snapshots_seen,
        true as is_current,
    from matched
    where not same_state
),

final as (
    select * from kept
    union all by name
    select * from begun
)

select * from final
