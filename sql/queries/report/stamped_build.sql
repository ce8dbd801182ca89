-- The build a report shows: the one whose stamp every built table carries ($run_id, checked by
-- build_consistency.sql), provided it computed this methodology version.
select *
from ops.build_log
where run_id = $run_id and list_contains(string_split(replace(methodology_versions, ' ', ''), ','), $version)
