-- Before the entity rows replaced go: the firms whose entity row changed in anything but the date it was last seen
-- (or is new). Every earlier year of theirs is recomputed (statements/incremental/firms_and_years.sql).
create table ops.incremental_changed_entities__next as
select uscc
from (
    select n.* exclude (last_snapshot_on)
    from staging.stg_entities as n
    semi join ops.incremental_entities__next as e on n.uscc = e.uscc
    anti join staging.stg_entities__gone__next as g on n.rowid = g.row_id
    except
    select o.* exclude (last_snapshot_on)
    from staging.stg_entities as o
    semi join staging.stg_entities__gone__next as g on o.rowid = g.row_id
)
