-- Relations a build wrote aside (name ending __next) and has not swapped in: what a failed or killed build left.
select
    schema_name || '.' || table_name as name,
from duckdb_tables()
where ends_with(table_name, '__next') and not temporary
union all
select
    schema_name || '.' || view_name as name,
from duckdb_views()
where ends_with(view_name, '__next') and not internal and not temporary
order by name
