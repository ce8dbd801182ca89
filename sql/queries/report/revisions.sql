-- Revisions of published figures (mart.revisions) for one methodology version (and the unversioned
-- demography) up to the report year: what the report's appendix and the dashboard list.
-- Grain: one row per revised figure per build that revised it.
select
    cell_key,
    methodology_version,
    topic,
    year::integer as year,
    period,
    region_code,
    measure,
    old_text,
    new_text,
    old_run_id,
    new_run_id
from mart.revisions
where methodology_version in ($version, '') and year <= $year
order by year, period, region_code, topic, measure, new_run_id
