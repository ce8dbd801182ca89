-- staging.stg_registry_history as this build rebuilt it (read under its aside name), of the firms whose every year is
-- recomputed only.
select h.*
from staging.stg_registry_history as h
semi join ops.incremental_firms__next as f on h.uscc = f.uscc
