-- The enterprise-years the added data changes: every year of a firm whose entity row or earlier filings
-- changed, and every firm's new years. A row (uscc, t) reads only its firm's entity row, its state at the end
-- of t (the added snapshot is dated after every year built before, so those states stay) and its filing for t.
select m.*
from {{relation}} as m
where
    m.uscc in (select f.uscc from ops.incremental_firms__next as f)
    or m.year in (select y.year from ops.incremental_years__next as y)
