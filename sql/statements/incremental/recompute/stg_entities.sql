-- The entity rows an added snapshot changes: those of the firms it lists (an entity row reads only its own
-- firm's history).
select m.*
from {{relation}} as m
where m.uscc in (select e.uscc from ops.incremental_entities__next as e)
