-- The state the last successful build recorded (statements/incremental/record_build_state.sql). A build by a
-- version that did not record it stamps its own run id on the tables, which then differs from this one's.
select
    s.run_id,
    s.sql_sha256,
    s.methodology_sha256,
    s.reference_sha256,
    strftime(s.registry_as_of, '%Y-%m-%d') as registry_as_of,
from ops.build_state as s
