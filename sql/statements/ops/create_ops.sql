-- Operations layer: what was ingested, what was refused and why, and what ran.
create table if not exists ops.ingest_log (
    file               varchar not null,   -- path as given
    sha256             varchar not null,
    kind               varchar,            -- registry | enterprise_indicators | plan_indicators | null when rejected unread
    format             varchar,            -- csv | tsv | xlsx | parquet | arrow
    encoding           varchar,            -- utf8 | utf8-bom | gbk | gb18030 | binary
    as_of              date,
    rows_read          bigint not null,
    rows_loaded        bigint not null,
    rows_quarantined   bigint not null,
    rows_dropped       bigint not null,    -- exact duplicates dropped
    rows_flagged       bigint not null default 0, -- loaded with a failed USCC check digit
    status             varchar not null,   -- loaded | rejected | skipped_duplicate
    message            varchar,
    run_id             varchar,
    ingested_at        timestamp not null
);

create table if not exists ops.quarantine (
    file               varchar not null,
    sha256             varchar not null,
    line               integer not null,   -- physical line, header = 1
    column_name        varchar,
    reason             varchar not null,   -- stable code, e.g. uscc_malformed, date_unparseable
    detail             varchar,            -- human-readable message in Chinese/English
    raw                varchar not null    -- the row as read
);
