-- The tables whose contents a build reads besides raw data: reference tables and the methodology config.
select
    schema_name || '.' || table_name as name,
from duckdb_tables()
where schema_name in ('ref', 'config') and not temporary
order by name
