-- One methodology version's §11 settings (config/methodology/*.json, uncertainty), kept so that
-- `xiaowei uncertainty` can rerun from the warehouse alone.
insert into mart.methodology_uncertainty values (
    $version, $draws, $seed, $weight_factor_min, $weight_factor_max, $geometric_probability, $exclusion_probability
)
