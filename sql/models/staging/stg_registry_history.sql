-- model: staging.stg_registry_history
-- materialized: table
-- grain: one row per uscc per state (valid_from)
-- depends_on: staging.stg_registry, raw.registry
-- check unique: uscc, valid_from
-- check not_null: uscc, valid_from
--
-- Entity history from successive registry snapshots (data-contract.md §1, §5): consecutive snapshots that
-- agree on every registered attribute collapse into one state; any change (status, county, industry, name,
-- closing date…) starts a new state, so earlier states are kept, not overwritten.
-- valid_from = as_of of the first snapshot showing the state; valid_to = valid_from of the next state
-- (exclusive), null for the current state; last_seen_on = the last snapshot that still showed it.
-- Attributes are compared NULL-safe, 0.0 and -0.0 alike (as GROUP BY compares them).
--
-- For speed (the register has ~10 snapshots per firm and few changes): a firm's identical snapshots are grouped
-- by a 64-bit hash of the compared attributes (DuckDB's hash: NULL-safe, 0.0 and -0.0 alike, as GROUP BY
-- compares; the "hashdiff" of slowly changing dimensions), and only those narrow groups are put in date order;
-- each state's values are then fetched from its first snapshot. Grouping by the attributes themselves cost 3× as
-- much at province scale (40 M snapshot rows: the wide aggregate spilled under the 2 GiB memory limit). Two
-- states of one firm would be merged only if their hashes collided: about 1e-13 for the province register
-- (≈ 2 M state pairs within firms, 2^-64 each). A firm that never returns to an earlier state has one group per
-- state, an unbroken run of snapshots. The rare firm that does (A → B → A: its runs overlap) is rebuilt snapshot
-- by snapshot, comparing every attribute exactly. Sorting every snapshot instead cost 3× as much.
with snapshots as (
    select
        r.uscc,
        r.as_of,
        hash(
            r.name, r.entity_type, r.established_on, r.status, r.closed_on, r.county_code, r.industry_code,
            r.registered_capital_wan, r.converted, r.converted_on, r.previous_uscc, r.priority_industry
        ) as state_hash,
    from staging.stg_registry as r
),

runs as (
    select
        uscc,
        min(as_of) as valid_from,
        max(as_of) as last_seen_on,
        count(*) as snapshots_seen,
    from snapshots
    group by uscc, state_hash
),

ordered as (
    select
        *,
        lead(valid_from) over w as valid_to,
        -- Runs of one firm overlap only where it went back to an earlier state (A → B → A).
        coalesce(lag(last_seen_on) over w > valid_from, false) as overlaps_previous,
    from runs
    window w as (partition by uscc order by valid_from)
),

returning_firms as (
    select distinct uscc from ordered where overlaps_previous
),

-- Each state's values as its first snapshot shows them ((uscc, as_of) is unique in stg_registry).
unbroken as (
    select
        o.uscc,
        o.valid_from,
        o.valid_to,
        o.last_seen_on,
        o.snapshots_seen,
        o.valid_to is null as is_current,
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
    from ordered as o
    inner join staging.stg_registry as s on o.uscc = s.uscc and o.valid_from = s.as_of
    anti join returning_firms as f on o.uscc = f.uscc
),

-- Firms that went back to an earlier state: snapshot by snapshot, a new state wherever any attribute differs
-- from the snapshot before.
returning_snapshots as (
    select
        r.*,
        lag(as_of) over w as previous_as_of,
        row_number() over w as snapshot_no,
        count(*) over (partition by uscc) as snapshots_total,
        max(as_of) over (partition by uscc) as last_as_of,
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
    -- The snapshots stg_registry keeps, read from raw.registry for these few firms (reading stg_registry
    -- twice would make DuckDB materialise all of it).
    from raw.registry as r
    semi join returning_firms as f on r.uscc = f.uscc
    semi join (select distinct file_id from staging.stg_registry) as c on r.file_id = c.file_id
    window w as (partition by r.uscc order by r.as_of)
),

returning_states as (
    select
        uscc,
        as_of as valid_from,
        lead(as_of) over w as valid_to,
        coalesce(lead(previous_as_of) over w, last_as_of) as last_seen_on,
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
    from returning_snapshots
    where is_new_state
    window w as (partition by uscc order by as_of)
),

final as (
    select * from unbroken
    union all
    select * from returning_states
)

select * from final
