-- model: staging.stg_registry_history
-- materialized: table
-- grain: one row per uscc per state (valid_from)
-- depends_on: staging.stg_registry
-- check unique: uscc, valid_from
-- check not_null: uscc, valid_from
--
-- Entity history from successive registry snapshots (data-contract.md §1, §5): consecutive snapshots that
-- agree on every registered attribute collapse into one state; any change (status, county, industry, name,
-- closing date…) starts a new state, so earlier states are kept, not overwritten.
-- valid_from = as_of of the first snapshot showing the state; valid_to = valid_from of the next state
-- (exclusive), null for the current state; last_seen_on = the last snapshot that still showed it.
-- Attributes are compared one by one (exactly, NULL-safe) in a single window pass over the snapshots.
with snapshots as (
    select
        *,
        lag(as_of) over w as previous_as_of,
        row_number() over w as snapshot_no,
        count(*) over (partition by uscc) as snapshots_total,
        -- A state starts at the first snapshot and wherever any attribute differs from the snapshot before.
        row_number() over w = 1
        or lag(name) over w is distinct from name
        or lag(entity_type) over w is distinct from entity_type
        or lag(established_on) over w is distinct from established_on
        or lag(status) over w is distinct from status
        or lag(closed_on) over w is distinct from closed_on
        or lag(county_code) over w is distinct from county_code
        or lag(industry_code) over w is distinct from industry_code
        or lag(registered_capital_wan) over w is distinct from registered_capital_wan
        or lag(converted) over w is distinct from converted
        or lag(converted_on) over w is distinct from converted_on
        or lag(previous_uscc) over w is distinct from previous_uscc
        or lag(priority_industry) over w is distinct from priority_industry as is_new_state,
    from staging.stg_registry
    window w as (partition by uscc order by as_of)
),

starts as (
    select * from snapshots where is_new_state
),

final as (
    select
        uscc,
        as_of as valid_from,
        lead(as_of) over w as valid_to,
        coalesce(lead(previous_as_of) over w, max(as_of) over (partition by uscc)) as last_seen_on,
        coalesce(lead(snapshot_no) over w, snapshots_total + 1) - snapshot_no as snapshots_seen,
        lead(as_of) over w is null as is_current,
        name,
        entity_type,
        established_on,
        status,
        closed_on,
        county_code,
        industry_code,
        industry_division,
        registered_capital_wan,
        converted,
        converted_on,
        previous_uscc,
        priority_industry,
        uscc_check_ok,
        source_file,
        source_line,
    from starts
    window w as (partition by uscc order by as_of)
)

select * from final
