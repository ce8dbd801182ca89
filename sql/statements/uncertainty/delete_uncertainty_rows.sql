-- The uncertainty marts are replaced as a whole (every version at once), so no row outlives its inputs.
delete from mart.rank_uncertainty;
delete from mart.sensitivity_drop_one;
delete from mart.sensitivity_sobol;
delete from mart.uncertainty_settings;
