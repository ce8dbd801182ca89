-- The latest build that computed this methodology version (ops.build_log is optional; read only when present).
select *
from ops.build_log
where list_contains(string_split(replace(methodology_versions, ' ', ''), ','), $version)
order by started_at desc, run_id desc
limit 1
