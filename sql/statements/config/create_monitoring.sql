-- Methodology §10 parameters per methodology version, and the quarter ends the "8631" scorecard is computed at
-- besides the year ends (§5). Rewritten by every build (pipelines/monitor/writeMonitoringMethodology.ts);
-- sql/models/methodology/ publishes them as mart.methodology_monitoring and mart.methodology_quarter_ends.
create table if not exists config.methodology_monitoring (
    methodology_version      varchar primary key,
    seasonal_years           integer not null,
    min_years                integer not null,
    trend_months             integer not null,
    band_sigmas              double not null,
    high_ratio               double not null,
    low_ratio                double not null,
    min_abs_change           double not null,
    severe_multiple          double not null,
    quarterly_warning_status varchar not null,
    annual_total_drop        double not null,
    annual_module_drop       double not null,
    annual_severe_multiple   double not null
);

create table if not exists config.methodology_quarter_ends (
    methodology_version varchar not null,
    period_end          date not null
);
