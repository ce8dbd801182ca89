-- Raw layer: one table per extract kind, written only by `xiaowei ingest`.
-- Values are already typed and unit-converted (万元); every row keeps its source file and physical line.
-- Grain: one row per loaded input row.
create table if not exists raw.registry (
    file_id            varchar not null,   -- sha256 of the source file (ops.ingest_log.sha256)
    source_file        varchar not null,
    source_line        integer not null,
    as_of              date not null,      -- extract date: the file name's date or the as_of column
    uscc               varchar not null,
    uscc_check_ok      boolean not null,   -- false: a check digit failed (loaded, flagged; data-contract §5)
    name               varchar not null,
    entity_type        varchar,
    established_on     date not null,
    status             varchar,
    closed_on          date,
    county_code        varchar,
    industry_code      varchar,            -- as given, upper-cased, e.g. C1713 or 1713
    industry_division  varchar,            -- two-digit GB/T 4754 division, e.g. 17
    registered_capital_wan double,
    converted          boolean,
    converted_on       date,
    previous_uscc      varchar,
    priority_industry  varchar             -- declared value; null = not declared
);

create table if not exists raw.enterprise_indicators (
    file_id            varchar not null,
    source_file        varchar not null,
    source_line        integer not null,
    uscc               varchar not null,
    uscc_check_ok      boolean not null,
    year               integer not null,
    employees          integer,
    revenue_wan        double,
    assets_wan         double,
    profit_wan         double,
    tax_wan            double,
    rd_expense_wan     double,
    tech_staff         integer,
    exports_wan        double,
    is_above_scale     boolean,
    is_tech_sme        boolean,
    listing            varchar
);

create table if not exists raw.plan_indicators (
    file_id            varchar not null,
    source_file        varchar not null,
    source_line        integer not null,
    year               integer not null,
    quarter            integer,            -- 1-4, or null for a whole year
    region_code        varchar not null,
    indicator_no       integer not null,
    value              double not null,
    department         varchar
);
