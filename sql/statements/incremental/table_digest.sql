-- A digest of one small table's contents, whatever its row order (reference and methodology tables).
select
    coalesce(md5(string_agg(t::varchar, chr(10) order by t::varchar)), '') as digest,
from {{table}} as t
