-- The build the report shows: the one every built table carries the stamp of ($run_id, checked by
-- build_consistency.sql), provided it computed this methodology version (ops.build_log is optional; read only
-- when present).
select *
from ops.build_log
where run_id = $run_id and list_contains(string_split(replace(methodology_versions, ' ', ''), ','), $version)
order by started_at desc, run_id desc
limit 1
