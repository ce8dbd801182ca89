-- staging.stg_entities as this build rebuilt it (read under its aside name), of the firms whose every year is
-- recomputed only.
select e.*
from staging.stg_entities as e
semi join ops.incremental_firms__next as f on e.uscc = f.uscc
