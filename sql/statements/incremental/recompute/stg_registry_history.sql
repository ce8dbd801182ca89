-- The history rows an added snapshot changes: the current state of each firm it lists (seen once more, or
-- ended by a new state). Earlier states never change: the snapshot is dated after all of them.
select m.*
from {{relation}} as m
where m.is_current and m.uscc in (select e.uscc from ops.incremental_entities__next as e)
