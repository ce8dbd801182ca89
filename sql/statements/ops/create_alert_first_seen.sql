-- The run that first raised each alert. An ops table, outside the models and their swap: it persists across
-- builds (rows are never deleted), so an alert that goes away and comes back keeps its first run and a
-- notification is sent once per alert_id. The build adds the new ids in its swap transaction.
create table if not exists ops.alert_first_seen (
    alert_id       varchar primary key,
    first_seen_run varchar not null
);
