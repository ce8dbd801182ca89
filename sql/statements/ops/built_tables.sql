-- The tables and views of the schemas a build writes, which it stamps with its run id (comment on …).
select
    schema_name || '.' || table_name as name,
    'table' as kind,
from duckdb_tables()
where schema_name in ('staging', 'intermediate', 'mart') and not temporary and not ends_with(table_name, '__next')
union all
select
    schema_name || '.' || view_name as name,
    'view' as kind,
from duckdb_views()
where schema_name in ('staging', 'intermediate', 'mart') and not internal and not temporary
    and not ends_with(view_name, '__next')
order by name
