-- As mart.enterprise_year's (statements/incremental/recompute/enterprise_year.sql): a row (uscc, t) reads its
-- firm's enterprise-years t and t − 1, its entity row and the first year, so the same rows change.
select m.*
from {{relation}} as m
where
    m.uscc in (select f.uscc from ops.incremental_firms__next as f)
    or m.year in (select y.year from ops.incremental_years__next as y)
