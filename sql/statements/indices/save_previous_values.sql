-- Saves the currently published values (the query of published_values.sql, substituted below) before
-- the marts are rebuilt.
create or replace temp table previous_values as
{{published_values}}
