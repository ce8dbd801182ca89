-- The build's run id, for models that stamp it (mart.alerts.first_seen_run).
set variable xiaowei_run_id = $run_id
