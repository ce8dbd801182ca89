-- The methodology §11 settings of every version built.
select
    methodology_version,
    draws,
    seed,
    weight_factor_min,
    weight_factor_max,
    geometric_probability,
    exclusion_probability,
from mart.methodology_uncertainty
where methodology_version in (select methodology_version from mart.methodology)
order by methodology_version
