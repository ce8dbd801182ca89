-- raw.enterprise_indicators cut to the filings the recomputed enterprise-years read (statements/incremental/
-- recompute/enterprise_year.sql): every year of the firms recomputed, and every firm's new years. Each (uscc, year)
-- keeps all its rows, so staging.stg_enterprise_indicators over them picks the filing it picks over all of them,
-- without grouping every filing ever loaded.
select i.*
from raw.enterprise_indicators as i
where
    i.year in (select y.year from ops.incremental_years__next as y)
    or i.uscc in (select f.uscc from ops.incremental_firms__next as f)
