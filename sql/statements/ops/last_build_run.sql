-- The run id of the latest successful build.
select run_id from ops.build_log order by finished_at desc, run_id desc limit 1
