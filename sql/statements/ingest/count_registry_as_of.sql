-- Rows raw.registry already holds for one extract date (a constant filter: row groups of other dates are
-- skipped by their min/max, so this stays cheap as the warehouse grows).
select count(*)::integer as n
from raw.registry
where as_of = $as_of::date
