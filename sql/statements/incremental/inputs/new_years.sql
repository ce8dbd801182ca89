-- The years the added data opens, as staging.stg_years has them.
select y.*
from staging.stg_years__next as y
semi join ops.incremental_years__next as n on y.year = n.year
