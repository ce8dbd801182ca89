-- The relations of the schemas a build writes, with their build stamp (comment on …).
select
    schema_name || '.' || table_name as name,
    coalesce(comment, '') as stamp,
from duckdb_tables()
where schema_name in ('staging', 'intermediate', 'mart') and not temporary
union all
select
    schema_name || '.' || view_name as name,
    coalesce(comment, '') as stamp,
from duckdb_views()
where schema_name in ('staging', 'intermediate', 'mart') and not internal and not temporary
