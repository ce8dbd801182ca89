-- Before a build records what it saw (record_build_state.sql, record_build_inputs.sql).
delete from ops.build_state;
delete from ops.build_inputs;
