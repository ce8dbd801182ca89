-- Parameters of each built methodology version that the publication layer needs (mart.methodology is
-- written by the build; a warehouse without it falls back to the methodology files). Grain: one row per version.
select
    methodology_version,
    base_year::integer as base_year,
    min_enterprises::integer as min_enterprises
from mart.methodology
order by methodology_version
