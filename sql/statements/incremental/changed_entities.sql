-- The firms whose entity row changed in anything but the date it was last seen, or is new: every earlier year of
-- theirs is recomputed (statements/incremental/firms_and_years.sql). Each entity row as rebuilt aside is joined to the
-- live one by firm and compared whole (a row as a struct: NULL-safe, 0.0 and −0.0 alike, as EXCEPT compares).
-- A firm the added snapshot does not list compares equal: an entity row reads only its own firm's history. One join
-- of every firm cost 1.7 s at province where the snapshot's firms picked first and an EXCEPT of theirs cost 5 s.
create table ops.incremental_changed_entities__next as
with rebuilt as (
    select * exclude (last_snapshot_on)
    from staging.stg_entities__next
),

live as (
    select * exclude (last_snapshot_on)
    from staging.stg_entities
)

select rebuilt.uscc
from rebuilt
left join live on rebuilt.uscc = live.uscc
where live.uscc is null or rebuilt is distinct from live
