-- One methodology version's §10 thresholds (pipelines/monitor/writeMonitoringMethodology.ts).
insert into config.methodology_monitoring values (
    $version, $seasonal_years, $min_years, $trend_months, $band_sigmas, $high_ratio, $low_ratio,
    $min_abs_change, $severe_multiple, $quarterly_warning_status, $annual_total_drop, $annual_module_drop,
    $annual_severe_multiple
)
