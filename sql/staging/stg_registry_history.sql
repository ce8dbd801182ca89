-- model: staging.stg_registry_history
-- materialized: table
-- grain: one row per uscc per state (valid_from)
-- depends_on: raw.registry
-- check unique: uscc, valid_from
-- check not_null: uscc, valid_from
--
-- Entity history from successive registry snapshots (data-contract.md §1, §5): consecutive snapshots that
-- agree on every registered attribute collapse into one state; any change (status, county, industry, name,
-- closing date…) starts a new state, so earlier states are kept, not overwritten.
-- valid_from = as_of of the first snapshot showing the state; valid_to = valid_from of the next state
-- (exclusive), null for the current state; last_seen_on = the last snapshot that still showed it.
-- Two loaded files with the same as_of: the row from the later file name (then the lower line) wins.
with snapshots as (
    select
        uscc,
        as_of,
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
        source_line
    from raw.registry
    qualify row_number() over (partition by uscc, as_of order by source_file desc, source_line) = 1
),

flagged as (
    select
        *,
        (
            name, entity_type, established_on, status, closed_on, county_code, industry_code,
            registered_capital_wan, converted, converted_on, previous_uscc, priority_industry
        ) as state,
    from snapshots
),

changes as (
    select
        *,
        case when lag(state) over (partition by uscc order by as_of) is not distinct from state then 0 else 1 end
            as is_new_state
    from flagged
),

numbered as (
    select
        *,
        sum(is_new_state) over (partition by uscc order by as_of rows unbounded preceding) as state_no
    from changes
),

states as (
    select
        uscc,
        state_no,
        min(as_of) as valid_from,
        max(as_of) as last_seen_on,
        count(*) as snapshots_seen,
        arg_min(name, as_of) as name,
        arg_min(entity_type, as_of) as entity_type,
        arg_min(established_on, as_of) as established_on,
        arg_min(status, as_of) as status,
        arg_min(closed_on, as_of) as closed_on,
        arg_min(county_code, as_of) as county_code,
        arg_min(industry_code, as_of) as industry_code,
        arg_min(industry_division, as_of) as industry_division,
        arg_min(registered_capital_wan, as_of) as registered_capital_wan,
        arg_min(converted, as_of) as converted,
        arg_min(converted_on, as_of) as converted_on,
        arg_min(previous_uscc, as_of) as previous_uscc,
        arg_min(priority_industry, as_of) as priority_industry,
        bool_and(uscc_check_ok) as uscc_check_ok,
        arg_min(source_file, as_of) as source_file,
        arg_min(source_line, as_of) as source_line
    from numbered
    group by uscc, state_no
),

final as (
    select
        uscc,
        valid_from,
        lead(valid_from) over (partition by uscc order by valid_from) as valid_to,
        last_seen_on,
        snapshots_seen,
        lead(valid_from) over (partition by uscc order by valid_from) is null as is_current,
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
        source_line
    from states
)

select * from final
