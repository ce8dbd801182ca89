-- The firms whose entity row changed in anything but the date it was last seen, or is new: every earlier year of
-- theirs is recomputed (statements/incremental/firms_and_years.sql). Only the firms the added snapshot lists can
-- change (an entity row reads only its own firm's history); their rows as rebuilt aside against the live ones.
create table ops.incremental_changed_entities__next as
select uscc
from (
    select n.* exclude (last_snapshot_on)
    from staging.stg_entities__next as n
    semi join ops.incremental_entities__next as e on n.uscc = e.uscc
    except
    select o.* exclude (last_snapshot_on)
    from staging.stg_entities as o
    semi join ops.incremental_entities__next as e on o.uscc = e.uscc
)
