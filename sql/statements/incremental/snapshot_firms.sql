-- The firms the registry snapshot added since the last build lists: their history and their entity row are what
-- change. That snapshot is one file dated after every snapshot built before (pipelines/models/decideBuildMode.ts),
-- so staging.stg_registry keeps all of it and raw.registry holds nothing else dated after $registry_as_of.
create table ops.incremental_entities__next as
select distinct r.uscc
from raw.registry as r
where r.as_of > $registry_as_of::date
