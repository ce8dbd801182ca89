-- Whether the marts were built before (a first build has nothing published to revise).
select 1 as built
from information_schema.tables
where table_schema = 'mart' and table_name = 'business_demography'
