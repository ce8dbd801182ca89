-- staging.stg_registry_history, updated, of the firms the added snapshot lists only: what staging.stg_entities
-- reads for them.
select h.*
from staging.stg_registry_history as h
semi join ops.incremental_entities__next as f on h.uscc = f.uscc
