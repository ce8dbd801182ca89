-- Draws and seed behind the uncertainty marts, per version and ranking.
select
    methodology_version,
    index_name,
    draws,
    seed::double as seed
from mart.uncertainty_settings
order by methodology_version, index_name
