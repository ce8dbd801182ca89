-- The builds the tables and views of the built schemas come from, by the stamp each build leaves on every
-- relation it swaps in (comment 'xiaowei build <run id>'): one row per stamp, with how many relations carry it,
-- a few of their names, and whether ops.build_log knows that run. A consistent warehouse has exactly one row,
-- logged; the report refuses any other. Relations a failed build left aside (…__next) belong to no build.
with relations as (
    select
        schema_name || '.' || table_name as relation,
        comment,
    from duckdb_tables()
    where schema_name in ('staging', 'intermediate', 'mart') and not temporary
    union all
    select
        schema_name || '.' || view_name as relation,
        comment,
    from duckdb_views()
    where schema_name in ('staging', 'intermediate', 'mart') and not internal and not temporary
),

stamps as (
    select
        coalesce(comment, '') as stamp,
        count(*)::integer as relations,
        list(relation order by relation)[1:5] as examples,
    from relations
    where not ends_with(relation, '__next')
    group by all
)

select
    s.stamp,
    case when starts_with(s.stamp, 'xiaowei build ') then s.stamp[15:] end as run_id,
    s.relations,
    array_to_string(s.examples, ', ') as examples,
    exists (select 1 from ops.build_log as b where 'xiaowei build ' || b.run_id = s.stamp) as logged,
from stamps as s
order by s.relations desc, s.stamp
