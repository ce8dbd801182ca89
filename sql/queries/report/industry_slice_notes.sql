-- Per methodology version, the note the outputs print beside the industry indices (methodology §8: undeclared
-- firms are classed by a proxy from their industry code).
select
    methodology_version,
    proxy_note_zh,
from mart.methodology_industry_slices
order by methodology_version
