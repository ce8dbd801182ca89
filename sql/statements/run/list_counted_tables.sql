-- Tables whose row counts a run records in ops.runs.row_counts.
select
    schema_name,
    table_name
from duckdb_tables()
where database_name = current_database() and schema_name in ('raw', 'mart')
order by schema_name, table_name;
